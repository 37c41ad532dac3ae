# Relances (spec, « Templates Relance ») : rappel doux, urgence, valeur, proposition alternative.

=== follow-up/soft-reminder
stage: follow-up
kind: soft-reminder
register: vous
title: Rappel doux
---
Bonjour [NOM_DESTINATAIRE],

Juste pour savoir si vous avez eu le temps de réfléchir à notre proposition pour le [DATE].
Je reste disponible pour en parler quand cela vous arrange.

Belle journée,
[SIGNATURE]

=== follow-up/urgency
stage: follow-up
kind: urgency
register: vous
title: Urgence
---
Bonjour [NOM_DESTINATAIRE],

Une autre date se présente pour le [DATE] : confirmez-vous votre intérêt ?
Sans nouvelle de votre part d'ici [DATE_LIMITE], nous donnerons suite à l'autre proposition.

Merci d'avance,
[SIGNATURE]

=== follow-up/value
stage: follow-up
kind: value
register: vous
title: Renforcer la valeur
---
Bonjour [NOM_DESTINATAIRE],

Voici pourquoi ce partenariat vous sera bénéfique : après [REFERENCE], nous réunissons en moyenne [PUBLIC_ATTENDU] et nous relayons chaque date auprès de notre communauté.

Pouvons-nous fixer le [DATE] ensemble ?
[SIGNATURE]

=== follow-up/alternative
stage: follow-up
kind: alternative
register: vous
title: Proposition alternative
---
Bonjour [NOM_DESTINATAIRE],

Si le [DATE] ne convient pas, j'ai d'autres options : le [DATE_ALTERNATIVE], ou une date en [PERIODE_DISPO].
Dites-moi ce qui vous arrange le mieux.

[SIGNATURE]

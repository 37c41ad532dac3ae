# Négociation (spec, « Templates Automatiques par Contexte ») : prix, dates, rider, contrat.

=== negotiation/price
stage: negotiation
kind: price
register: vous
title: Prix : formule diplomatique et valorisation
---
Bonjour [NOM_DESTINATAIRE],

Merci pour votre proposition. Pour le [DATE], notre cachet est de [CACHET] : il comprend [DUREE_SET] de concert, notre ingé son et la promotion auprès de notre public ([PUBLIC_ATTENDU] en moyenne).

Si votre budget est plus serré, nous pouvons étudier une formule plus légère. Qu'en pensez-vous ?
[SIGNATURE]

=== negotiation/dates
stage: negotiation
kind: dates
register: vous
title: Dates : alternatives en cas de conflit
---
Bonjour [NOM_DESTINATAIRE],

Le [DATE] est malheureusement déjà pris de notre côté. Nous pouvons vous proposer le [DATE_ALTERNATIVE], ou toute date en [PERIODE_DISPO].

Laquelle vous conviendrait ?
[SIGNATURE]

=== negotiation/rider
stage: negotiation
kind: rider
register: vous
title: Rider : matériel et alternatives
---
Bonjour [NOM_DESTINATAIRE],

Je vous joins notre fiche technique. Si une partie du backline n'est pas disponible sur place, nous pouvons apporter notre propre matériel ou jouer dans une configuration réduite.

Pouvez-vous nous dire ce dont vous disposez déjà ?
[SIGNATURE]

=== negotiation/contract
stage: negotiation
kind: contract
register: vous
title: Contrat : clauses standards et points négociables
---
Bonjour [NOM_DESTINATAIRE],

Pour le contrat de cession du [DATE], nous proposons nos conditions habituelles : cachet de [CACHET], acompte de [ACOMPTE] à la signature, solde le soir du concert, et une clause d'annulation réciproque.

Les horaires et le défraiement restent ouverts à discussion. Tout vous convient-il ?
[SIGNATURE]

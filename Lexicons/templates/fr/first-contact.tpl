# Premiers messages, cinq par sens de contact (critère d'acceptation de la spec). Format : README.md
# de Lexicons, section « Templates ». Le même ID existe dans en/first-contact.tpl.

=== first-contact/artist-venue/presentation
stage: first-contact
direction: artist-venue
kind: presentation
register: vous
title: Présentation (modèle de la spec)
---
Bonjour [NOM_LIEU],

Je suis [NOM_ARTISTE], [GENRE_MUSICAL] basé à [VILLE].
Notre score de compatibilité ([SCORE_COMPATIBILITE]) m'indique que nous pourrions créer un bel événement ensemble !

Je serais ravi(e) de discuter d'une collaboration pour [PERIODE_DISPO]. Voici un aperçu de notre univers :
🎵 [LIEN_DEMO_PRINCIPALE]

Au plaisir d'échanger,
[SIGNATURE]

=== first-contact/artist-venue/specific-date
stage: first-contact
direction: artist-venue
kind: date
register: vous
title: Une date précise
---
Bonjour [NOM_LIEU],

Je suis [NOM_ARTISTE], [GENRE_MUSICAL] basé à [VILLE]. Nous cherchons une scène pour le [DATE] et votre programmation nous correspond très bien.

Notre set dure [DUREE_SET] et nous réunissons en moyenne [PUBLIC_ATTENDU].
Notre démo : 🎵 [LIEN_DEMO_PRINCIPALE]

Cette date serait-elle libre chez vous ?
[SIGNATURE]

=== first-contact/artist-venue/tour
stage: first-contact
direction: artist-venue
kind: tour
register: vous
title: Passage en tournée
---
Bonjour [NOM_LIEU],

Nous sommes [NOM_ARTISTE] ([GENRE_MUSICAL]) et nous serons en tournée en [REGION] pendant [PERIODE].
Votre lieu serait une très belle étape : pourrions-nous envisager une date ensemble ?

Un aperçu de notre live : 🎵 [LIEN_DEMO_PRINCIPALE]

Bien cordialement,
[SIGNATURE]

=== first-contact/artist-venue/reference
stage: first-contact
direction: artist-venue
kind: reference
register: vous
title: Avec une référence
---
Bonjour [NOM_LIEU],

Je suis [NOM_ARTISTE], [GENRE_MUSICAL] basé à [VILLE]. Après [REFERENCE], nous préparons notre saison [PERIODE] et votre lieu est en tête de notre liste.

Nous réunissons en général [PUBLIC_ATTENDU] et nous nous adaptons à votre fiche technique.
🎵 [LIEN_DEMO_PRINCIPALE]

Seriez-vous ouverts à en parler ?
[SIGNATURE]

=== first-contact/artist-venue/casual
stage: first-contact
direction: artist-venue
kind: presentation
register: tu
title: Court et direct (café-concert, bar)
---
Salut [NOM_LIEU] !

On est [NOM_ARTISTE], [GENRE_MUSICAL] de [VILLE]. On adorerait jouer chez vous en [PERIODE_DISPO] !
Pour nous écouter : 🎵 [LIEN_DEMO_PRINCIPALE]

Tu serais partant pour en parler ?
[SIGNATURE]

=== first-contact/venue-artist/presentation
stage: first-contact
direction: venue-artist
kind: presentation
register: vous
title: Présentation (modèle de la spec)
---
Bonjour [NOM_ARTISTE],

Nous sommes [NOM_LIEU], [TYPE_LIEU] de [CAPACITE] places à [VILLE].
Votre profil correspond parfaitement à notre programmation !

Nous recherchons des artistes [GENRE] pour [PERIODE].
Budget envisagé : [FOURCHETTE_BUDGET]

Seriez-vous disponible pour en discuter ?
[LIEN_PROFIL_LIEU]

Cordialement,
[SIGNATURE_LIEU]

=== first-contact/venue-artist/specific-date
stage: first-contact
direction: venue-artist
kind: date
register: vous
title: Une date à pourvoir
---
Bonjour [NOM_ARTISTE],

Nous sommes [NOM_LIEU], [TYPE_LIEU] de [CAPACITE] places à [VILLE]. Une date s'est libérée le [DATE] et votre projet nous semble idéal pour l'occuper.

Budget envisagé : [FOURCHETTE_BUDGET], pour un set de [DUREE_SET].

Seriez-vous disponibles ?
[SIGNATURE_LIEU]

=== first-contact/venue-artist/season
stage: first-contact
direction: venue-artist
kind: season
register: vous
title: Programmation de saison
---
Bonjour [NOM_ARTISTE],

Nous construisons la programmation de [PERIODE] de [NOM_LIEU] ([TYPE_LIEU], [CAPACITE] places, [VILLE]) et votre univers [GENRE] nous a tout de suite plu.

Nous aimerions vous proposer une date. Budget envisagé : [FOURCHETTE_BUDGET].
Notre lieu : [LIEN_PROFIL_LIEU]

Au plaisir d'en discuter,
[SIGNATURE_LIEU]

=== first-contact/venue-artist/opening-act
stage: first-contact
direction: venue-artist
kind: opening-act
register: vous
title: Première partie
---
Bonjour [NOM_ARTISTE],

Nous accueillons un concert [GENRE] le [DATE] à [NOM_LIEU] ([CAPACITE] places, [VILLE]) et nous cherchons une première partie.
Votre set nous semble parfait pour ouvrir la soirée : [DUREE_SET], budget [FOURCHETTE_BUDGET].

Cela vous tenterait-il ?
[SIGNATURE_LIEU]

=== first-contact/venue-artist/residency
stage: first-contact
direction: venue-artist
kind: residency
register: vous
title: Résidence
---
Bonjour [NOM_ARTISTE],

[NOM_LIEU] ([TYPE_LIEU] à [VILLE]) ouvre des résidences de création pour [PERIODE], avec une restitution publique devant [CAPACITE] personnes.
Votre projet [GENRE] correspond à ce que nous souhaitons accompagner.

Pouvons-nous en parler ?
[LIEN_PROFIL_LIEU]
[SIGNATURE_LIEU]

=== first-contact/booker-artist/representation
stage: first-contact
direction: booker-artist
kind: presentation
register: vous
title: Proposition d'accompagnement
---
Bonjour [NOM_ARTISTE],

Je suis [NOM_BOOKER], booker spécialisé(e) en [GENRE]. J'ai écouté votre projet avec beaucoup d'intérêt et je pense pouvoir vous ouvrir des scènes en [REGION].

Seriez-vous ouverts à échanger sur vos objectifs pour [PERIODE] ?

Bien à vous,
[NOM_BOOKER]

=== first-contact/booker-artist/tour
stage: first-contact
direction: booker-artist
kind: tour
register: vous
title: Tournée en montage
---
Bonjour [NOM_ARTISTE],

Je monte une tournée [GENRE] en [REGION] pour [PERIODE] et votre projet y aurait toute sa place.
Les cachets envisagés sont de l'ordre de [FOURCHETTE_BUDGET] par date, défraiement en plus.

Êtes-vous disponibles sur cette période ?
[NOM_BOOKER]

=== first-contact/booker-artist/specific-date
stage: first-contact
direction: booker-artist
kind: date
register: vous
title: Une date pour un lieu partenaire
---
Bonjour [NOM_ARTISTE],

Un lieu avec lequel je travaille, [NOM_LIEU] à [VILLE], cherche un plateau [GENRE] pour le [DATE].
Budget : [FOURCHETTE_BUDGET] pour un set de [DUREE_SET].

Cette date vous intéresserait-elle ?
[NOM_BOOKER]

=== first-contact/booker-artist/festival
stage: first-contact
direction: booker-artist
kind: festival
register: vous
title: Programmation de festival
---
Bonjour [NOM_ARTISTE],

Je programme un festival en [REGION] pour [PERIODE] et votre live serait un très beau moment de notre édition.
Nous prévoyons un budget de [FOURCHETTE_BUDGET], hébergement et repas pris en charge.

Pouvons-nous en parler ?
[NOM_BOOKER]

=== first-contact/booker-artist/reference
stage: first-contact
direction: booker-artist
kind: reference
register: vous
title: Après une référence
---
Bonjour [NOM_ARTISTE],

J'ai découvert votre projet à [REFERENCE] et j'ai été impressionné(e). Je suis [NOM_BOOKER] et j'accompagne des artistes [GENRE] sur les scènes de [REGION].

J'aimerais vous proposer quelques dates pour [PERIODE]. Qu'en pensez-vous ?
[NOM_BOOKER]

=== first-contact/booker-venue/presentation
stage: first-contact
direction: booker-venue
kind: presentation
register: vous
title: Présenter un artiste
---
Bonjour [NOM_LIEU],

Je suis [NOM_BOOKER] et je représente [NOM_ARTISTE], [GENRE_MUSICAL] basé à [VILLE]. Leur univers correspond très bien à votre programmation.

Ils sont disponibles en [PERIODE_DISPO]. Leur démo : 🎵 [LIEN_DEMO_PRINCIPALE]

Seriez-vous intéressés par une date ?
[NOM_BOOKER]

=== first-contact/booker-venue/tour
stage: first-contact
direction: booker-venue
kind: tour
register: vous
title: Étape de tournée
---
Bonjour [NOM_LIEU],

[NOM_ARTISTE] ([GENRE_MUSICAL]) sera en tournée en [REGION] pendant [PERIODE] et votre lieu serait une étape idéale.
Cachet : [CACHET], fiche technique légère.

Auriez-vous une date à nous proposer ?
[NOM_BOOKER]

=== first-contact/booker-venue/specific-date
stage: first-contact
direction: booker-venue
kind: date
register: vous
title: Une date précise
---
Bonjour [NOM_LIEU],

Je suis [NOM_BOOKER]. Auriez-vous une date libre le [DATE] pour [NOM_ARTISTE], [GENRE_MUSICAL] ?
Ils réunissent en moyenne [PUBLIC_ATTENDU], pour un cachet de [CACHET].

🎵 [LIEN_DEMO_PRINCIPALE]
[NOM_BOOKER]

=== first-contact/booker-venue/double-bill
stage: first-contact
direction: booker-venue
kind: double-bill
register: vous
title: Plateau de deux artistes
---
Bonjour [NOM_LIEU],

Je vous propose un plateau [GENRE] autour de [NOM_ARTISTE] pour [PERIODE] : deux sets de [DUREE_SET], une soirée complète clé en main.
Budget global : [FOURCHETTE_BUDGET].

Cela pourrait-il vous intéresser ?
[NOM_BOOKER]

=== first-contact/booker-venue/reference
stage: first-contact
direction: booker-venue
kind: reference
register: vous
title: Avec une référence
---
Bonjour [NOM_LIEU],

Après [REFERENCE], [NOM_ARTISTE] ([GENRE_MUSICAL]) prépare sa saison [PERIODE] et votre salle est en tête de nos envies.
Ils réunissent en moyenne [PUBLIC_ATTENDU].

Pouvons-nous en discuter ?
[NOM_BOOKER]

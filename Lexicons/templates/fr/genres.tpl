# Premiers messages par style (spec, « Templates Spécialisés ») : le vocabulaire de chaque scène.
# Choisis quand le genre de l'artiste appartient au style (genres.map).

=== first-contact/artist-venue/style-jazz
stage: first-contact
direction: artist-venue
kind: presentation
genre: jazz
register: vous
title: Jazz : acoustique et répertoire
---
Bonjour [NOM_LIEU],

Je suis [NOM_ARTISTE], formation [GENRE_MUSICAL] basée à [VILLE]. Notre répertoire mêle standards revisités et compositions originales, dans un format acoustique qui met en valeur les salles intimistes comme la vôtre.

Nous serions heureux de vous proposer un set de [DUREE_SET] en [PERIODE_DISPO].
🎵 [LIEN_DEMO_PRINCIPALE]

Bien cordialement,
[SIGNATURE]

=== first-contact/artist-venue/style-rock-metal
stage: first-contact
direction: artist-venue
kind: presentation
genre: rock-metal
register: vous
title: Rock/Metal : énergie et son
---
Bonjour [NOM_LIEU],

On est [NOM_ARTISTE], groupe [GENRE_MUSICAL] de [VILLE]. Un live puissant, un public jeune qui se déplace ([PUBLIC_ATTENDU] en moyenne) et une fiche technique rodée.

On cherche des dates pour [PERIODE_DISPO] et votre scène est sur notre liste.
🎵 [LIEN_DEMO_PRINCIPALE]

À bientôt,
[SIGNATURE]

=== first-contact/artist-venue/style-electro
stage: first-contact
direction: artist-venue
kind: presentation
genre: electro
register: vous
title: Électro : club et nuit
---
Bonjour [NOM_LIEU],

Je suis [NOM_ARTISTE], live [GENRE_MUSICAL] basé à [VILLE]. Mon set hybride (machines et visuels) est pensé pour les nuits club : [DUREE_SET] de montée progressive.

Je serais ravi(e) de jouer chez vous en [PERIODE_DISPO].
🎵 [LIEN_DEMO_PRINCIPALE]

[SIGNATURE]

=== first-contact/artist-venue/style-classique
stage: first-contact
direction: artist-venue
kind: presentation
genre: classique
register: vous
title: Classique : protocole et acoustique
---
Madame, Monsieur,

J'ai l'honneur de vous présenter l'ensemble [NOM_ARTISTE] ([GENRE_MUSICAL]), basé à [VILLE]. Notre programme, conçu pour une acoustique naturelle, s'adresse aux lieux de prestige tels que [NOM_LIEU].

Nous serions honorés de nous produire chez vous en [PERIODE_DISPO].
🎵 [LIEN_DEMO_PRINCIPALE]

Je vous prie d'agréer l'expression de mes salutations distinguées,
[SIGNATURE]

=== first-contact/artist-venue/style-world
stage: first-contact
direction: artist-venue
kind: presentation
genre: world
register: vous
title: Musiques du monde : authenticité et instruments
---
Bonjour [NOM_LIEU],

Nous sommes [NOM_ARTISTE], [GENRE_MUSICAL] basé à [VILLE]. Nos instruments traditionnels et nos chants portent une tradition vivante, que nous aimons partager avec des publics de tous horizons.

Nous aimerions vous proposer un concert en [PERIODE_DISPO].
🎵 [LIEN_DEMO_PRINCIPALE]

Au plaisir d'échanger,
[SIGNATURE]

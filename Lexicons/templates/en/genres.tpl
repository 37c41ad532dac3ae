# First messages by style (the spec's "Templates Spécialisés"): each scene's vocabulary.
# Picked when the artist's genre belongs to the style (genres.map).

=== first-contact/artist-venue/style-jazz
stage: first-contact
direction: artist-venue
kind: presentation
genre: jazz
title: Jazz: acoustics and repertoire
---
Hello [NOM_LIEU],

I'm [NOM_ARTISTE], a [GENRE_MUSICAL] ensemble based in [VILLE]. Our repertoire blends reworked standards and original compositions, in an acoustic format that suits intimate rooms like yours.

We'd be delighted to offer a [DUREE_SET] set in [PERIODE_DISPO].
🎵 [LIEN_DEMO_PRINCIPALE]

Kind regards,
[SIGNATURE]

=== first-contact/artist-venue/style-rock-metal
stage: first-contact
direction: artist-venue
kind: presentation
genre: rock-metal
title: Rock/Metal: energy and sound
---
Hello [NOM_LIEU],

We're [NOM_ARTISTE], a [GENRE_MUSICAL] band from [VILLE]. A powerful live show, a young crowd that turns up ([PUBLIC_ATTENDU] on average) and a well-tested tech rider.

We're booking dates for [PERIODE_DISPO] and your stage is on our list.
🎵 [LIEN_DEMO_PRINCIPALE]

Cheers,
[SIGNATURE]

=== first-contact/artist-venue/style-electro
stage: first-contact
direction: artist-venue
kind: presentation
genre: electro
title: Electronic: club and night
---
Hello [NOM_LIEU],

I'm [NOM_ARTISTE], a [GENRE_MUSICAL] live act based in [VILLE]. My hybrid set (machines and visuals) is built for club nights: [DUREE_SET] of steady build-up.

I'd love to play your room in [PERIODE_DISPO].
🎵 [LIEN_DEMO_PRINCIPALE]

[SIGNATURE]

=== first-contact/artist-venue/style-classique
stage: first-contact
direction: artist-venue
kind: presentation
genre: classique
title: Classical: protocol and acoustics
---
Dear Sir or Madam,

It is my pleasure to introduce the [GENRE_MUSICAL] ensemble [NOM_ARTISTE], based in [VILLE]. Our programme, designed for natural acoustics, is intended for distinguished venues such as [NOM_LIEU].

We would be honoured to perform for you in [PERIODE_DISPO].
🎵 [LIEN_DEMO_PRINCIPALE]

Yours faithfully,
[SIGNATURE]

=== first-contact/artist-venue/style-world
stage: first-contact
direction: artist-venue
kind: presentation
genre: world
title: World music: authenticity and instruments
---
Hello [NOM_LIEU],

We're [NOM_ARTISTE], a [GENRE_MUSICAL] group based in [VILLE]. Our traditional instruments and songs carry a living tradition that we love sharing with audiences from every background.

We'd like to offer you a concert in [PERIODE_DISPO].
🎵 [LIEN_DEMO_PRINCIPALE]

Looking forward to talking,
[SIGNATURE]

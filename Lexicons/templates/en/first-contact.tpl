# First messages, five per direction (the spec's acceptance criterion). Format: Lexicons README,
# "Templates". Every ID also exists in fr/first-contact.tpl.

=== first-contact/artist-venue/presentation
stage: first-contact
direction: artist-venue
kind: presentation
title: Introduction (the spec's template)
---
Hello [NOM_LIEU],

I'm [NOM_ARTISTE], a [GENRE_MUSICAL] act based in [VILLE].
Our compatibility score ([SCORE_COMPATIBILITE]) tells me we could put on a great night together!

I'd love to discuss playing for you in [PERIODE_DISPO]. Here's a taste of what we do:
🎵 [LIEN_DEMO_PRINCIPALE]

Looking forward to hearing from you,
[SIGNATURE]

=== first-contact/artist-venue/specific-date
stage: first-contact
direction: artist-venue
kind: date
title: A specific date
---
Hello [NOM_LIEU],

I'm [NOM_ARTISTE], a [GENRE_MUSICAL] act based in [VILLE]. We're looking for a stage on [DATE] and your programme is a great fit for us.

Our set runs [DUREE_SET] and we usually draw [PUBLIC_ATTENDU].
Our demo: 🎵 [LIEN_DEMO_PRINCIPALE]

Would that date be free at your venue?
[SIGNATURE]

=== first-contact/artist-venue/tour
stage: first-contact
direction: artist-venue
kind: tour
title: On tour nearby
---
Hello [NOM_LIEU],

We're [NOM_ARTISTE] ([GENRE_MUSICAL]) and we'll be touring [REGION] during [PERIODE].
Your venue would make a wonderful stop: could we look at a date together?

A taste of our live show: 🎵 [LIEN_DEMO_PRINCIPALE]

Best regards,
[SIGNATURE]

=== first-contact/artist-venue/reference
stage: first-contact
direction: artist-venue
kind: reference
title: With a reference
---
Hello [NOM_LIEU],

I'm [NOM_ARTISTE], a [GENRE_MUSICAL] act based in [VILLE]. After [REFERENCE], we're planning our [PERIODE] season and your venue is at the top of our list.

We usually draw [PUBLIC_ATTENDU] and we adapt to your tech spec.
🎵 [LIEN_DEMO_PRINCIPALE]

Would you be open to a chat?
[SIGNATURE]

=== first-contact/artist-venue/casual
stage: first-contact
direction: artist-venue
kind: presentation
title: Short and direct (bars, small clubs)
---
Hey [NOM_LIEU]!

We're [NOM_ARTISTE], [GENRE_MUSICAL] from [VILLE]. We'd love to play your place in [PERIODE_DISPO]!
Have a listen: 🎵 [LIEN_DEMO_PRINCIPALE]

Up for a chat?
[SIGNATURE]

=== first-contact/venue-artist/presentation
stage: first-contact
direction: venue-artist
kind: presentation
title: Introduction (the spec's template)
---
Hello [NOM_ARTISTE],

We're [NOM_LIEU], a [CAPACITE]-capacity [TYPE_LIEU] in [VILLE].
Your profile is a perfect match for our programme!

We're looking for [GENRE] artists for [PERIODE].
Budget: [FOURCHETTE_BUDGET]

Would you be available to discuss it?
[LIEN_PROFIL_LIEU]

Kind regards,
[SIGNATURE_LIEU]

=== first-contact/venue-artist/specific-date
stage: first-contact
direction: venue-artist
kind: date
title: A date to fill
---
Hello [NOM_ARTISTE],

We're [NOM_LIEU], a [CAPACITE]-capacity [TYPE_LIEU] in [VILLE]. A date has opened up on [DATE] and your project looks ideal for it.

Budget: [FOURCHETTE_BUDGET], for a [DUREE_SET] set.

Would you be available?
[SIGNATURE_LIEU]

=== first-contact/venue-artist/season
stage: first-contact
direction: venue-artist
kind: season
title: Season programme
---
Hello [NOM_ARTISTE],

We're putting together the [PERIODE] programme at [NOM_LIEU] ([TYPE_LIEU], [CAPACITE] capacity, [VILLE]) and your [GENRE] sound caught our ear straight away.

We'd like to offer you a date. Budget: [FOURCHETTE_BUDGET].
Our venue: [LIEN_PROFIL_LIEU]

Looking forward to talking,
[SIGNATURE_LIEU]

=== first-contact/venue-artist/opening-act
stage: first-contact
direction: venue-artist
kind: opening-act
title: Support slot
---
Hello [NOM_ARTISTE],

We're hosting a [GENRE] show on [DATE] at [NOM_LIEU] ([CAPACITE] capacity, [VILLE]) and we're looking for a support act.
Your set feels perfect to open the night: [DUREE_SET], budget [FOURCHETTE_BUDGET].

Would you be up for it?
[SIGNATURE_LIEU]

=== first-contact/venue-artist/residency
stage: first-contact
direction: venue-artist
kind: residency
title: Residency
---
Hello [NOM_ARTISTE],

[NOM_LIEU] ([TYPE_LIEU] in [VILLE]) is opening creative residencies for [PERIODE], ending with a public show for [CAPACITE] people.
Your [GENRE] project is just what we'd like to support.

Could we talk about it?
[LIEN_PROFIL_LIEU]
[SIGNATURE_LIEU]

=== first-contact/booker-artist/representation
stage: first-contact
direction: booker-artist
kind: presentation
title: Offer to represent
---
Hello [NOM_ARTISTE],

I'm [NOM_BOOKER], a booker specialising in [GENRE]. I've listened to your project with real interest and I think I can open doors for you in [REGION].

Would you be open to a chat about your plans for [PERIODE]?

Best,
[NOM_BOOKER]

=== first-contact/booker-artist/tour
stage: first-contact
direction: booker-artist
kind: tour
title: Tour in the making
---
Hello [NOM_ARTISTE],

I'm putting together a [GENRE] tour of [REGION] for [PERIODE] and your project would fit right in.
Fees would be around [FOURCHETTE_BUDGET] per show, plus travel costs.

Are you available during that time?
[NOM_BOOKER]

=== first-contact/booker-artist/specific-date
stage: first-contact
direction: booker-artist
kind: date
title: A date for a partner venue
---
Hello [NOM_ARTISTE],

A venue I work with, [NOM_LIEU] in [VILLE], is looking for a [GENRE] act on [DATE].
Budget: [FOURCHETTE_BUDGET] for a [DUREE_SET] set.

Would that date interest you?
[NOM_BOOKER]

=== first-contact/booker-artist/festival
stage: first-contact
direction: booker-artist
kind: festival
title: Festival line-up
---
Hello [NOM_ARTISTE],

I programme a festival in [REGION] for [PERIODE] and your live show would be a highlight of this year's edition.
We're planning a budget of [FOURCHETTE_BUDGET], with accommodation and meals covered.

Could we talk about it?
[NOM_BOOKER]

=== first-contact/booker-artist/reference
stage: first-contact
direction: booker-artist
kind: reference
title: After a reference
---
Hello [NOM_ARTISTE],

I discovered your project at [REFERENCE] and I was impressed. I'm [NOM_BOOKER] and I work with [GENRE] artists on the stages of [REGION].

I'd like to offer you a few dates for [PERIODE]. What do you think?
[NOM_BOOKER]

=== first-contact/booker-venue/presentation
stage: first-contact
direction: booker-venue
kind: presentation
title: Introduce an artist
---
Hello [NOM_LIEU],

I'm [NOM_BOOKER] and I represent [NOM_ARTISTE], a [GENRE_MUSICAL] act based in [VILLE]. Their sound is a great fit for your programme.

They're available in [PERIODE_DISPO]. Their demo: 🎵 [LIEN_DEMO_PRINCIPALE]

Would you be interested in a date?
[NOM_BOOKER]

=== first-contact/booker-venue/tour
stage: first-contact
direction: booker-venue
kind: tour
title: Tour stop
---
Hello [NOM_LIEU],

[NOM_ARTISTE] ([GENRE_MUSICAL]) will be touring [REGION] during [PERIODE] and your venue would be an ideal stop.
Fee: [CACHET], light tech rider.

Would you have a date to offer?
[NOM_BOOKER]

=== first-contact/booker-venue/specific-date
stage: first-contact
direction: booker-venue
kind: date
title: A specific date
---
Hello [NOM_LIEU],

I'm [NOM_BOOKER]. Would you have a free date on [DATE] for [NOM_ARTISTE], a [GENRE_MUSICAL] act?
They usually draw [PUBLIC_ATTENDU], for a fee of [CACHET].

🎵 [LIEN_DEMO_PRINCIPALE]
[NOM_BOOKER]

=== first-contact/booker-venue/double-bill
stage: first-contact
direction: booker-venue
kind: double-bill
title: Double bill
---
Hello [NOM_LIEU],

I'd like to offer you a [GENRE] double bill headlined by [NOM_ARTISTE] for [PERIODE]: two sets of [DUREE_SET], a complete night ready to go.
Overall budget: [FOURCHETTE_BUDGET].

Could that interest you?
[NOM_BOOKER]

=== first-contact/booker-venue/reference
stage: first-contact
direction: booker-venue
kind: reference
title: With a reference
---
Hello [NOM_LIEU],

After [REFERENCE], [NOM_ARTISTE] ([GENRE_MUSICAL]) is planning their [PERIODE] season and your venue is top of our wish list.
They usually draw [PUBLIC_ATTENDU].

Could we discuss it?
[NOM_BOOKER]

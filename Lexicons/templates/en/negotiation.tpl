# Negotiation (the spec's "Templates Automatiques par Contexte"): price, dates, rider, contract.

=== negotiation/price
stage: negotiation
kind: price
title: Price: diplomatic wording and value
---
Hello [NOM_DESTINATAIRE],

Thanks for your offer. For [DATE], our fee is [CACHET]: it covers a [DUREE_SET] show, our sound engineer and promotion to our audience ([PUBLIC_ATTENDU] on average).

If your budget is tighter, we can look at a lighter format. What do you think?
[SIGNATURE]

=== negotiation/dates
stage: negotiation
kind: dates
title: Dates: alternatives when there is a clash
---
Hello [NOM_DESTINATAIRE],

Unfortunately [DATE] is already taken on our side. We can offer you [DATE_ALTERNATIVE], or any date in [PERIODE_DISPO].

Which would suit you?
[SIGNATURE]

=== negotiation/rider
stage: negotiation
kind: rider
title: Rider: gear and alternatives
---
Hello [NOM_DESTINATAIRE],

I'm attaching our tech rider. If some of the backline isn't available on site, we can bring our own gear or play a stripped-down set.

Could you tell us what you already have?
[SIGNATURE]

=== negotiation/contract
stage: negotiation
kind: contract
title: Contract: standard clauses and open points
---
Hello [NOM_DESTINATAIRE],

For the performance contract on [DATE], we suggest our usual terms: a fee of [CACHET], a [ACOMPTE] deposit on signing, the balance on the night, and a mutual cancellation clause.

Set times and travel costs are open to discussion. Does that all work for you?
[SIGNATURE]

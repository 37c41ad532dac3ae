# Follow-ups (the spec's "Templates Relance"): soft reminder, urgency, value, alternative proposal.

=== follow-up/soft-reminder
stage: follow-up
kind: soft-reminder
title: Soft reminder
---
Hello [NOM_DESTINATAIRE],

Just checking whether you've had time to think about our proposal for [DATE].
I'm happy to talk it over whenever suits you.

Have a great day,
[SIGNATURE]

=== follow-up/urgency
stage: follow-up
kind: urgency
title: Urgency
---
Hello [NOM_DESTINATAIRE],

Another offer has come up for [DATE]: are you still interested?
If we haven't heard from you by [DATE_LIMITE], we'll go ahead with the other offer.

Thanks in advance,
[SIGNATURE]

=== follow-up/value
stage: follow-up
kind: value
title: Reinforce the value
---
Hello [NOM_DESTINATAIRE],

Here's why this partnership will work for you: after [REFERENCE], we usually draw [PUBLIC_ATTENDU] and we promote every show to our community.

Shall we lock in [DATE] together?
[SIGNATURE]

=== follow-up/alternative
stage: follow-up
kind: alternative
title: Alternative proposal
---
Hello [NOM_DESTINATAIRE],

If [DATE] doesn't work, I have other options: [DATE_ALTERNATIVE], or a date in [PERIODE_DISPO].
Let me know what suits you best.

[SIGNATURE]

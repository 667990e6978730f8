"""The city's LINE official account: signed webhooks in, replies (or pushes) out."""

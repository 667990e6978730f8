"""Connectors: the city website's chat widget and LINE, both in front of the chat service."""

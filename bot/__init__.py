"""The dialogue layer: the Rasa project (config, domain, data), its actions and the app-side client."""

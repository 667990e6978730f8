"""Rasa NLU plugins. They run inside Rasa's own Python 3.10 (.venv-rasa), not in the app."""

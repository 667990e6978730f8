"""The app side of the dialogue: channel-neutral chat turns, the Rasa client, and the fallback.

Connectors (web widget, LINE) call ``ChatService.handle``; it masks personal data,
detects the language, sends the turn to Rasa's REST channel with metadata, and
answers from the FAQ index itself when Rasa is down or slow (``source="fallback"``).
"""

from bot.dialogue.messages import BotMessage, Button, ChatReply

__all__ = ["BotMessage", "Button", "ChatReply"]

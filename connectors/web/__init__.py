"""The city website's chat widget: assets served by the app, and the chat API's limits."""

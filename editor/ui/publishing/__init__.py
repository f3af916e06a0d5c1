"""Publishing: the Publish and Export dialogs, targets, the outbox and keychain prompts."""

"""Photos without Qt: reading metadata, checking files, making privacy-safe renditions."""

"""End-to-end tests: Home Assistant and other services as real processes."""

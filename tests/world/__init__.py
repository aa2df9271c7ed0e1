"""A randomised world for Tomatoes: real players and lights, people, failures and restarts."""

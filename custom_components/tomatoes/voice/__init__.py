"""Voice control of Tomatoes: sentences in five languages, timer choice, spoken answers."""

"""Answer: plain-words questions, explanations of derived facts, citations."""

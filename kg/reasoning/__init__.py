"""Reason: the OWL 2 RL closure (fast engine and owlrl reference), its cache, inconsistencies."""

"""Offers: the terms, their approval chain, the letter, and the candidate's answer."""

"""Sharing a town file with the intercommunality: what a name is and what replaces it
(`anonymiser`), the one pipeline from the agent's choices to the written copy, used by the
window and by `evalir share` (`pipeline`: plan → prepare, a preview → write), and the
words of the preview (`texts`). The SQL on the copy lives in `store/share_copy.py`."""

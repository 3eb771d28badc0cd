"""The error raised for an invalid content file."""


class ContentError(Exception):
    """An invalid content file: the message names the file, the key path and the problem."""

    def __init__(self, file: str, key: str, problem: str):
        self.file = file
        self.key = key
        self.problem = problem
        where = f", clé « {key} »" if key else ""
        super().__init__(f"Contenu invalide : fichier {file}{where} : {problem}")

"""Check methods that only this chapter needs: identities of the masked objective (8.11)-(8.12), entry by entry."""

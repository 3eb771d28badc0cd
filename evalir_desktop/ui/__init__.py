"""Qt widgets only: thin views over the store, content and assessment packages."""

from evalir_desktop.ui.refcount_guard import protect_singletons

protect_singletons()

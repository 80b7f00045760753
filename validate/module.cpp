// Placeholder so the target exists until the module's first source lands.

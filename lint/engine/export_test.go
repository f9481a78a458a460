package engine

// ToValue exposes toValue to the external tests, which build real models with package lint.
var ToValue = toValue

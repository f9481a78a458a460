package demo

const pluginName = "demo"

const defaultTTL = 30

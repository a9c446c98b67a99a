// The rule files themselves are generated into `builtinRuleFiles` by the
// EmbedRulesPlugin build step, from the package's rules/ directory.

package main

import (
	"errors"
	"fmt"
	"os"
	"sort"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/viper"

	"needsmap/pipeline"
)

// envPrefix prefixes environment overrides: NEEDSMAP_NEEDS_BOOTSTRAP=200
// sets needs.bootstrap.
const envPrefix = "NEEDSMAP_"

// flagKeys binds command-line flags to config keys.
var flagKeys = map[string]string{
	"out":             "output.dir",
	"survey":          "inputs.survey",
	"resources":       "inputs.resources",
	"referrals":       "inputs.referrals",
	"trainings":       "inputs.trainings",
	"milestones":      "inputs.milestones",
	"baseline-survey": "inputs.baseline_survey",
	"bootstrap":       "needs.bootstrap",
	"seed":            "needs.seed",
	"from":            "period.from",
	"to":              "period.to",
	"as-of":           "period.as_of",
}

// loadConfig reads the configuration once, with the precedence
// flag > environment > file > built-in default, and decodes it into the
// typed Config; unknown keys in the file are an error.
func (a *app) loadConfig(cmd *cobra.Command) (pipeline.Config, error) {
	configFile, _ := cmd.Flags().GetString("config")
	v := viper.NewWithOptions(viper.ExperimentalBindStruct(), viper.WithLogger(a.logger()))
	defaults := map[string]any{}
	flatten("", pipeline.AsMap(pipeline.DefaultConfig()), defaults)
	for k, val := range defaults {
		v.SetDefault(k, val)
	}
	path, err := a.configPath(configFile)
	if err != nil {
		return pipeline.Config{}, usageError{err}
	}
	if path != "" {
		v.SetConfigFile(path)
		if err := v.ReadInConfig(); err != nil {
			return pipeline.Config{}, fmt.Errorf("read config %s: %w", path, err)
		}
	}
	for _, kv := range a.environ {
		name, val, ok := strings.Cut(kv, "=")
		if key := envKey(name, defaults); ok && key != "" {
			v.Set(key, val)
		}
	}
	if err := bindFlags(cmd, v); err != nil {
		return pipeline.Config{}, err
	}
	var cfg pipeline.Config
	if err := v.UnmarshalExact(&cfg); err != nil {
		return cfg, fmt.Errorf("config %s: %w", describe(path), err)
	}
	if err := cfg.Validate(); err != nil {
		return cfg, fmt.Errorf("config %s: %w", describe(path), err)
	}
	return cfg, nil
}

func describe(path string) string {
	if path == "" {
		return "(built-in defaults)"
	}
	return path
}

// configPath picks --config, else $NEEDSMAP_CONFIG, else ./config.yaml if
// present, else "" for the built-in defaults.
func (a *app) configPath(flag string) (string, error) {
	if flag == "" {
		flag = getenv(a.environ, envPrefix+"CONFIG")
	}
	if flag != "" {
		if _, err := os.Stat(flag); err != nil {
			return "", fmt.Errorf("config file %s: %w", flag, errors.Unwrap(err))
		}
		return flag, nil
	}
	if _, err := os.Stat("config.yaml"); err == nil {
		return "config.yaml", nil
	}
	return "", nil
}

func getenv(environ []string, name string) string {
	for _, kv := range environ {
		if k, v, ok := strings.Cut(kv, "="); ok && k == name {
			return v
		}
	}
	return ""
}

// envKey maps NEEDSMAP_NEEDS_BOOTSTRAP to needs.bootstrap when that key
// exists. Keys with underscores (needs.min_respondents) are matched by
// comparing the whole upper-cased key.
func envKey(name string, known map[string]any) string {
	rest, ok := strings.CutPrefix(name, envPrefix)
	if !ok || rest == "CONFIG" {
		return ""
	}
	keys := make([]string, 0, len(known))
	for k := range known {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		if strings.ToUpper(strings.ReplaceAll(k, ".", "_")) == rest {
			return k
		}
	}
	return ""
}

func bindFlags(cmd *cobra.Command, v *viper.Viper) error {
	if f := cmd.Flags().Lookup("period"); f != nil && f.Changed {
		from, to, err := pipeline.PeriodFlag(f.Value.String())
		if err != nil {
			return usageError{err}
		}
		v.Set("period.from", from)
		v.Set("period.to", to)
	}
	for flag, key := range flagKeys {
		f := cmd.Flags().Lookup(flag)
		if f != nil && f.Changed {
			v.Set(key, f.Value.String())
		}
	}
	if f := cmd.Flags().Lookup("no-suppression"); f != nil && f.Changed && f.Value.String() == "true" {
		v.Set("disclosure.suppress", false)
	}
	return nil
}

// flatten turns nested maps into dotted keys; lists stay whole values.
func flatten(prefix string, v any, out map[string]any) {
	m, ok := v.(map[string]any)
	if !ok || len(m) == 0 && prefix != "" {
		out[prefix] = v
		return
	}
	for k, val := range m {
		key := k
		if prefix != "" {
			key = prefix + "." + k
		}
		flatten(key, val, out)
	}
}

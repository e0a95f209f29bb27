package pipeline

import (
	"fmt"
	"reflect"
	"sort"
	"strings"

	"needsmap/reports"
)

// AsMap renders a config value as plain maps, slices and scalars keyed by
// the mapstructure tags — the same keys as config.yaml — for run.json and
// for viper defaults. Map keys come out sorted when encoded as JSON.
func AsMap(v any) any {
	return asMap(reflect.ValueOf(v))
}

func asMap(v reflect.Value) any {
	switch v.Kind() {
	case reflect.Struct:
		out := map[string]any{}
		t := v.Type()
		for i := 0; i < t.NumField(); i++ {
			f := t.Field(i)
			key := strings.Split(f.Tag.Get("mapstructure"), ",")[0]
			if key == "" || key == "-" || !f.IsExported() {
				continue
			}
			out[key] = asMap(v.Field(i))
		}
		return out
	case reflect.Slice:
		out := make([]any, v.Len())
		for i := range out {
			out[i] = asMap(v.Index(i))
		}
		return out
	case reflect.Map:
		out := map[string]any{}
		for _, k := range v.MapKeys() {
			out[fmt.Sprint(k.Interface())] = asMap(v.MapIndex(k))
		}
		return out
	case reflect.Pointer, reflect.Interface:
		if v.IsNil() {
			return nil
		}
		return asMap(v.Elem())
	}
	return v.Interface()
}

// settings flattens the configuration into sorted dotted keys for the
// workbook's About sheet and the report's methods section. Lists of
// structs (categories, regions) are summarised, not spelled out.
func settings(cfg Config) []reports.Setting {
	var out []reports.Setting
	var walk func(prefix string, v any)
	walk = func(prefix string, v any) {
		switch x := v.(type) {
		case map[string]any:
			keys := make([]string, 0, len(x))
			for k := range x {
				keys = append(keys, k)
			}
			sort.Strings(keys)
			for _, k := range keys {
				walk(strings.TrimPrefix(prefix+"."+k, "."), x[k])
			}
		case []any:
			if len(x) > 0 {
				if _, isMap := x[0].(map[string]any); isMap {
					out = append(out, reports.Setting{Key: prefix, Value: fmt.Sprintf("%d entries", len(x))})
					return
				}
			}
			parts := make([]string, len(x))
			for i, e := range x {
				parts[i] = fmt.Sprint(e)
			}
			out = append(out, reports.Setting{Key: prefix, Value: strings.Join(parts, ", ")})
		default:
			out = append(out, reports.Setting{Key: prefix, Value: fmt.Sprint(x)})
		}
	}
	walk("", AsMap(recorded(cfg)))
	return out
}

// recorded is the configuration as outputs record it: without the output
// folder, which does not change any result, so two runs into different
// folders give identical files.
func recorded(cfg Config) Config {
	cfg.Output.Dir = ""
	return cfg
}

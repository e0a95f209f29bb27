package pipeline

import (
	"context"
	"os"
	"strconv"
	"testing"
	"time"
)

// Throwaway profiling harness (not committed).
func TestZZProf(t *testing.T) {
	if os.Getenv("NM_PROF") == "" {
		t.Skip()
	}
	n, _ := strconv.Atoi(os.Getenv("NM_PROF"))
	for i := 0; i < n; i++ {
		cfg := DefaultConfig()
		cfg.Output.Dir = t.TempDir() + "/out"
		if s := os.Getenv("NM_SURVEY"); s != "" {
			cfg.Inputs.Survey = s
		}
		if s := os.Getenv("NM_REFERRALS"); s != "" {
			cfg.Inputs.Referrals = s
		}
		if os.Getenv("NM_BOOT0") != "" {
			cfg.Needs.Bootstrap = 0
		}
		if os.Getenv("NM_NOSUP") != "" {
			cfg.Disclosure.Suppress = false
		}
		start := time.Now()
		if _, err := Run(context.Background(), cfg, Deps{}); err != nil {
			t.Fatal(err)
		}
		t.Logf("run %d: %v", i, time.Since(start))
	}
}

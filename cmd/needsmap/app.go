package main

import (
	"errors"
	"fmt"
	"io"
	"log/slog"

	"github.com/spf13/cobra"

	"needsmap/data/schema"
)

// Exit codes.
const (
	exitOK       = 0
	exitError    = 1 // an input cannot be used, the config is invalid, a write failed
	exitUsage    = 2 // bad flags or arguments
	exitProblems = 3 // validate: the inputs are usable but have problems
)

// app holds what every command needs: its streams and environment.
type app struct {
	stdin          io.Reader
	stdout, stderr io.Writer
	environ        []string
	verbose        bool
	// problemsFound is set by validate to ask for exitProblems.
	problemsFound bool
}

func newApp(stdin io.Reader, stdout, stderr io.Writer, environ []string) *app {
	return &app{stdin: stdin, stdout: stdout, stderr: stderr, environ: environ}
}

// usageError marks errors in how the command was called.
type usageError struct{ err error }

func (e usageError) Error() string { return e.err.Error() }
func (e usageError) Unwrap() error { return e.err }

func (a *app) rootCmd() *cobra.Command {
	root := &cobra.Command{
		Use:   "needsmap",
		Short: "Ranked needs, gaps and progress from the files anti-trafficking coalitions already have",
		Long: "needsmap turns needs-assessment survey exports, resource guides, referral sheets and\n" +
			"logic-model trackers into ranked needs, charts, tables and a regional report.\n\n" +
			"Run `needsmap run` to process the bundled sample into out/.",
		SilenceUsage:  true,
		SilenceErrors: true,
	}
	root.SetOut(a.stdout)
	root.SetErr(a.stderr)
	root.PersistentFlags().BoolVarP(&a.verbose, "verbose", "v", false, "log each step to stderr")
	root.SetFlagErrorFunc(func(_ *cobra.Command, err error) error { return usageError{err} })
	root.AddCommand(a.runCmd(), a.validateCmd(), a.templateCmd(), a.sampleCmd(), a.versionCmd(), a.genCmd(), a.benchReadCmd())
	return root
}

func (a *app) logger() *slog.Logger {
	level := slog.LevelWarn
	if a.verbose {
		level = slog.LevelInfo
	}
	return slog.New(slog.NewTextHandler(a.stderr, &slog.HandlerOptions{Level: level}))
}

// exitCode prints err (if any) and maps it to an exit code in one place.
func (a *app) exitCode(err error) int {
	if err == nil {
		if a.problemsFound {
			return exitProblems
		}
		return exitOK
	}
	fmt.Fprintln(a.stderr, "needsmap:", err)
	var ue usageError
	if errors.As(err, &ue) {
		fmt.Fprintln(a.stderr, "Run 'needsmap --help' for usage.")
		return exitUsage
	}
	var fe *schema.FatalError
	if errors.As(err, &fe) {
		return exitError
	}
	return exitError
}

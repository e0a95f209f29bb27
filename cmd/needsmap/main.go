// Command needsmap turns needs-assessment survey exports, resource guides,
// referral sheets and logic-model trackers into ranked needs, gap scores,
// outcome progress, charts and a regional report.
//
//	needsmap run                  # the bundled sample → out/
//	needsmap run --survey FILE    # your own export
//	needsmap validate --survey FILE
//	needsmap sample --out DIR
package main

import (
	"io"
	"os"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr, os.Environ()))
}

// run executes the command line and returns the process exit code.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer, environ []string) int {
	app := newApp(stdin, stdout, stderr, environ)
	cmd := app.rootCmd()
	cmd.SetArgs(args)
	err := cmd.Execute()
	return app.exitCode(err)
}

//go:build clients && !unix

package main

import "os/exec"

// ownProcessGroup leaves cmd as it is where process groups do not exist;
// the context still kills the program itself.
func ownProcessGroup(cmd *exec.Cmd) {}

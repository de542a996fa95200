//go:build unix

package printpdf

import (
	"os/exec"
	"syscall"
)

// setProcessGroup starts Chromium in its own process group, so that a
// timeout ends the launcher script, the browser and its helper processes
// together, and nothing else.
func setProcessGroup(cmd *exec.Cmd) {
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	cmd.Cancel = func() error { return syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL) }
}

// killProcessGroup ends what is left of Chromium's process group after the
// main process has exited (crash handlers, renderers).
func killProcessGroup(cmd *exec.Cmd) {
	if cmd.Process != nil {
		syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL)
	}
}

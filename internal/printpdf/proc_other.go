//go:build !unix

package printpdf

import "os/exec"

func setProcessGroup(cmd *exec.Cmd)  {}
func killProcessGroup(cmd *exec.Cmd) {}

package model

import (
	"errors"
	"fmt"
	"strconv"
)

func itoa(n int) string { return strconv.Itoa(n) }

func errorf(format string, args ...any) error { return errors.New(fmt.Sprintf(format, args...)) }

package link

import "strconv"

func itoa(n int) string { return strconv.Itoa(n) }

func idx(path string, i int) string { return path + "[" + strconv.Itoa(i) + "]" }

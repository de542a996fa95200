package qrcode

// Modules exposes the encoder's module matrix (without quiet zone) to the
// external tests, which compare it with the grid parsed back from the SVG.
var Modules = modules

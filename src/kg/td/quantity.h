// Quantities written by people in Thing Descriptions ("256 KiB", "1.5 MB",
// "16 kHz", 172) normalised to the units of the graph: memory in kB
// (1 kB = 1000 bytes, data/reference/README.md) and rates in Hz. Arithmetic is
// exact decimal, so "256 KiB" is 262.144 kB, never 262.14399999.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "common/result.h"
#include "rdf/term.h"

namespace tinykg::kg::td {

enum class QuantityKind { Memory, Frequency };

// The canonical lexical form of the value in kB (Memory) or Hz (Frequency):
// an xsd:integer literal when whole ("172"), else xsd:decimal ("262.144").
// `text` is a number (taken in kB / Hz) or a number and a unit: B, byte(s),
// kB, KB, KiB, MB, MiB, GB, GiB for memory; Hz, kHz, MHz, sps for rates.
Result<rdf::Term> normalise_quantity(std::string_view text, QuantityKind kind);

// The unit-less value a graph literal holds, for writing it back: "172".
std::string quantity_text(const rdf::Term& literal, QuantityKind kind);

}  // namespace tinykg::kg::td

// The device capability graph of a Thing Description, in the shape of the
// reference boards (data/reference/README.md): the board is an
// s3n:SmartSensor whose ssn:hasSubSystem are its sensors (typed in
// sosa_extend:) and an s3n:MicroController with RAM and Flash in kB.
//
// TDs state none of this natively. It comes from the tinykg TD extension
// (context https://tinykg.dev/td-ext/v1: "sensors", "mcu", "runtimes") and from
// semantic @type annotations of property affordances (saref:Temperature,
// iot:AccelerationData, …). derive_capabilities() turns the extension's raw
// triples (tkg:hasSensor, …) into the reference shape and
// capabilities_to_extension() writes that shape back as extension JSON.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "common/result.h"
#include "rdf/term.h"

namespace tinykg::kg::td {

inline constexpr std::string_view kTdExtContext = "https://tinykg.dev/td-ext/v1";
inline constexpr std::string_view kTkg = "https://tinykg.dev/ns#";

// Sensor kinds with a sosa_extend: class ("Accelerometer", …).
const std::vector<std::string>& sensor_kinds();
bool is_sensor_kind(std::string_view kind);

// Rewrites the toRdf quads of a TD of `device`: removes the extension's raw
// triples and adds the capability graph (nodes named below the device IRI,
// so importing twice changes nothing). Fails on an unreadable quantity.
Result<std::vector<rdf::Quad>> derive_capabilities(const std::vector<rdf::Quad>& td_quads,
                                                   const std::string& device);

// `quads` (a device's description) without its capability graph: what TD
// export compacts; the capability graph goes to capabilities_to_extension().
std::vector<rdf::Quad> without_capabilities(const std::vector<rdf::Quad>& quads,
                                            const std::string& device);

// The extension members ("sensors", "mcu", "runtimes") for the capability
// graph among `quads` (the device's description); empty object if none.
nlohmann::json capabilities_to_extension(const std::vector<rdf::Quad>& quads,
                                         const std::string& device);

}  // namespace tinykg::kg::td

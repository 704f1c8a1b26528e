// Live progress of a deployment campaign on stderr: a redrawn bar on a
// terminal, one plain line per change (at most one a second) otherwise.
#pragma once

#include <string>

#include "deploy/deployments.h"

namespace tinykg::cli {

// Follows campaign `id` (run by this process) until its run ends; returns its final state.
deploy::Campaign follow_campaign(deploy::Deployments& deployments, const std::string& id);

// Prints the outcome: counts, the failed and refused devices (at most `max_devices`,
// all with a negative value), and for a paused campaign why and how to go on.
void print_campaign(const deploy::Campaign& campaign, long max_devices);

}  // namespace tinykg::cli

#include "sparql/optimizer/optimizer.h"

#include <chrono>
#include <functional>

#include "sparql/optimizer/filter_pushdown.h"
#include "sparql/optimizer/join_order.h"

namespace tinykg::sparql {

std::vector<PassTiming> optimize(algebra::NodePtr& root, CardinalityEstimator& estimator,
                                 const OptimizerOptions& options) {
  struct Pass {
    const char* name;
    bool enabled;
    std::function<void()> run;
  };
  const Pass passes[] = {
      {"filter_pushdown", options.filter_pushdown, [&] { push_down_filters(root); }},
      {"join_order", options.join_order, [&] { order_joins(root, estimator); }},
  };
  std::vector<PassTiming> timings;
  for (const Pass& pass : passes) {
    PassTiming t{pass.name, pass.enabled, 0};
    if (pass.enabled) {
      auto start = std::chrono::steady_clock::now();
      pass.run();
      t.milliseconds =
          std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
              .count();
    }
    timings.push_back(std::move(t));
  }
  return timings;
}

}  // namespace tinykg::sparql

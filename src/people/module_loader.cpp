// Opening tkt-phone.so on the first phone number read.
#include "core/module_loader.hpp"

#include "people/module.hpp"

namespace tkt::people {

const Api& api() {
    return module_api<Api>({"tkt-phone.so", TKT_PHONE_MODULE_FROM_BINDIR, k_entry_point, "phone number"});
}

}  // namespace tkt::people

// Opening tkt-mail.so on the first message parsed or composed.
#include "core/module_loader.hpp"

#include "mail/module.hpp"

namespace tkt::mail {

const Api& api() {
    return module_api<Api>({"tkt-mail.so", TKT_MAIL_MODULE_FROM_BINDIR, k_entry_point, "mail"});
}

}  // namespace tkt::mail

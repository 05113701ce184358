# SPDX-License-Identifier: GPL-3.0-or-later
# HOTPATH_SANITIZE=ON builds everything with AddressSanitizer and
# UndefinedBehaviorSanitizer; the asan preset turns it on.
option(HOTPATH_SANITIZE "Build with ASan and UBSan" OFF)
if(HOTPATH_SANITIZE)
  add_compile_options(-fsanitize=address,undefined -fno-omit-frame-pointer
                      -fno-sanitize-recover=undefined)
  add_link_options(-fsanitize=address,undefined)
endif()

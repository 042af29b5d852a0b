# ctest script: install the build into a temporary DESTDIR, then validate the installed desktop
# entry and AppStream metadata and check that binary and icon are where the desktop looks, the
# window program where procglass looks for it (LIBEXECDIR/procglass), and the man page, the bash
# completion and the copyright file where man, bash and dpkg look.
set(dest "${BINARY_DIR}/packaging-validate-destdir")
file(REMOVE_RECURSE "${dest}")
set(ENV{DESTDIR} "${dest}")
execute_process(COMMAND ${CMAKE_COMMAND} --install "${BINARY_DIR}" --prefix /usr RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
    message(FATAL_ERROR "cmake --install into ${dest} failed")
endif()
set(root "${dest}/usr")
foreach(f "${BINDIR}/procglass" "${LIBEXECDIR}/procglass/procglass-gui" "${LIBEXECDIR}/procglass/procglass-pcp.so" "${DATADIR}/applications/${APP_ID}.desktop" "${DATADIR}/metainfo/${APP_ID}.metainfo.xml"
          "${DATADIR}/icons/hicolor/scalable/apps/${APP_ID}.svg" "${MANDIR}/man1/procglass.1.gz"
          "${DATADIR}/bash-completion/completions/procglass" "${DATADIR}/doc/procglass/copyright")
    if(NOT EXISTS "${root}/${f}")
        message(FATAL_ERROR "not installed: /usr/${f}")
    endif()
endforeach()
execute_process(COMMAND ${DESKTOP_FILE_VALIDATE} "${root}/${DATADIR}/applications/${APP_ID}.desktop" RESULT_VARIABLE rc
                OUTPUT_VARIABLE out ERROR_VARIABLE out)
if(NOT rc EQUAL 0 OR NOT out STREQUAL "")
    message(FATAL_ERROR "desktop-file-validate: ${out}")
endif()
execute_process(COMMAND ${APPSTREAMCLI} validate --no-net "${root}/${DATADIR}/metainfo/${APP_ID}.metainfo.xml"
                RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE out)
if(NOT rc EQUAL 0)
    message(FATAL_ERROR "appstreamcli validate: ${out}")
endif()
execute_process(COMMAND "${root}/${BINDIR}/procglass" --version RESULT_VARIABLE rc OUTPUT_VARIABLE out)
if(NOT rc EQUAL 0 OR NOT out MATCHES "^procglass ")
    message(FATAL_ERROR "the installed procglass --version failed: ${out}")
endif()
# The installed procglass finds the installed window program (offscreen: no display needed).
set(ENV{QT_QPA_PLATFORM} offscreen)
set(ENV{XDG_CONFIG_HOME} "${dest}/config")
execute_process(COMMAND "${root}/${BINDIR}/procglass" --quit-after 0 RESULT_VARIABLE rc OUTPUT_VARIABLE gui_out
                ERROR_VARIABLE gui_out TIMEOUT 60)
if(NOT rc EQUAL 0)
    message(FATAL_ERROR "the installed procglass did not start the installed window: ${gui_out}")
endif()
file(REMOVE_RECURSE "${dest}")
message(STATUS "installed files validate: ${out}")

<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es">
    <context>
        <name>About</name>
        <message>
            <source>&lt;h3&gt;{APP_NAME} {version__}&lt;/h3&gt;&lt;p&gt;Launch Fizzly workflow runs, watch each node's progress live, and keep the images that come out.&lt;/p&gt;&lt;p&gt;Python {python_version} · PySide6 {pyside_version}&lt;/p&gt;&lt;p&gt;History: {escape}&lt;br&gt;Logs: {escape2}&lt;/p&gt;</source>
            <translation>&lt;h3&gt;{APP_NAME} {version__}&lt;/h3&gt;&lt;p&gt;Lanza ejecuciones de flujos de trabajo de Fizzly, sigue en directo el progreso de cada nodo y conserva las imágenes que se generan.&lt;/p&gt;&lt;p&gt;Python {python_version} · PySide6 {pyside_version}&lt;/p&gt;&lt;p&gt;Historial: {escape}&lt;br&gt;Registros: {escape2}&lt;/p&gt;</translation>
        </message>
        <message>
            <source>About {APP_NAME}</source>
            <translation>Acerca de {APP_NAME}</translation>
        </message>
    </context>
    <context>
        <name>Actions</name>
        <message>
            <source>PNG image</source>
            <translation>Imagen PNG</translation>
        </message>
        <message>
            <source>WebP image</source>
            <translation>Imagen WebP</translation>
        </message>
        <message>
            <source>JPEG image</source>
            <translation>Imagen JPEG</translation>
        </message>
        <message>
            <source>with its run details (.json) beside it</source>
            <extracomment>The second file type of the Save dialog: the image and its run description beside it.</extracomment>
            <translation>con los detalles de la ejecución (.json) al lado</translation>
        </message>
        <message>
            <source>File</source>
            <extracomment>Decoding for the clipboard refuses pictures that would need more memory than this.</extracomment>
            <translation>Archivo</translation>
        </message>
    </context>
    <context>
        <name>AddWorkflowDialog</name>
        <message>
            <source>Ask the server</source>
            <translation>Preguntar al servidor</translation>
        </message>
        <message>
            <source>Import a schema file (JSON Schema or OpenAPI)</source>
            <translation>Importar un archivo de esquema (JSON Schema u OpenAPI)</translation>
        </message>
        <message>
            <source>Paste an example of the inputs (JSON)</source>
            <translation>Pegar un ejemplo de las entradas (JSON)</translation>
        </message>
        <message>
            <source>Set up the inputs myself</source>
            <translation>Definir yo mismo las entradas</translation>
        </message>
        <message>
            <source>Add a workflow</source>
            <translation>Añadir un flujo de trabajo</translation>
        </message>
        <message>
            <source>owner/slug, or paste the workflow's address</source>
            <translation>propietario/nombre, o pega la dirección del flujo de trabajo</translation>
        </message>
        <message>
            <source>Shown in the sidebar</source>
            <translation>Se muestra en la barra lateral</translation>
        </message>
        <message>
            <source>A .json file</source>
            <translation>Un archivo .json</translation>
        </message>
        <message>
            <source>Browse…</source>
            <translation>Examinar…</translation>
        </message>
        <message>
            <source>Operation</source>
            <translation>Operación</translation>
        </message>
        <message>
            <source>Operation:</source>
            <translation>Operación:</translation>
        </message>
        <message>
            <source>{"prompt": "A red fox in the snow", "seed": 42}</source>
            <translation>{"prompt": "Un zorro rojo en la nieve", "seed": 42}</translation>
        </message>
        <message>
            <source>The server is asked for the inputs. If it does not describe them, the workflow starts with a prompt and a seed, and you can change them later.</source>
            <translation>Se pregunta al servidor por las entradas. Si no las describe, el flujo de trabajo empieza con un prompt y una semilla, y puedes cambiarlos más tarde.</translation>
        </message>
        <message>
            <source>After adding, a field editor opens to list the inputs one by one.</source>
            <translation>Después de añadirlo, se abre un editor de campos para enumerar las entradas una a una.</translation>
        </message>
        <message>
            <source>Workflow:</source>
            <translation>Flujo de trabajo:</translation>
        </message>
        <message>
            <source>Name:</source>
            <translation>Nombre:</translation>
        </message>
        <message>
            <source>Inputs:</source>
            <translation>Entradas:</translation>
        </message>
        <message>
            <source>Add</source>
            <translation>Añadir</translation>
        </message>
        <message>
            <source>e.g. demo/text-to-image</source>
            <translation>p. ej., demo/text-to-image</translation>
        </message>
        <message>
            <source>Workflow {owner}/{slug}</source>
            <translation>Flujo de trabajo {owner}/{slug}</translation>
        </message>
        <message>
            <source>Import a schema</source>
            <translation>Importar un esquema</translation>
        </message>
        <message>
            <source>JSON files (*.json);;All files (*)</source>
            <translation>Archivos JSON (*.json);;Todos los archivos (*)</translation>
        </message>
        <message>
            <source>Choose the schema file to import.</source>
            <translation>Elige el archivo de esquema que quieres importar.</translation>
        </message>
    </context>
    <context>
        <name>AppController</name>
        <message>
            <source>Welcome</source>
            <extracomment>Set once start-up work (sandbox, history, engine) is done, whatever its outcome.</extracomment>
            <translation>Bienvenida</translation>
        </message>
        <message>
            <source>Choose how to start</source>
            <translation>Elige cómo empezar</translation>
        </message>
    </context>
    <context>
        <name>AppStatusBar</name>
        <message>
            <source>Server</source>
            <extracomment>The connection's dot and words in the colour of what they mean (readable in either scheme).</extracomment>
            <translation>Servidor</translation>
        </message>
        <message>
            <source>Connection</source>
            <translation>Conexión</translation>
        </message>
        <message>
            <source>Rate limit budget</source>
            <translation>Margen del límite de peticiones</translation>
        </message>
        <message>
            <source>Runs on the server and not sent yet</source>
            <translation>Ejecuciones en el servidor y aún sin enviar</translation>
        </message>
        <message>
            <source>Credits used this session</source>
            <translation>Créditos usados en esta sesión</translation>
        </message>
        <message>
            <source>Rate limit: —</source>
            <translation>Límite de peticiones: —</translation>
        </message>
        <message>
            <source>Rate limit: {remaining} of {limit} left</source>
            <translation>Límite de peticiones: quedan {remaining} de {limit}</translation>
        </message>
        <message>
            <source> · resets in {seconds} s</source>
            <translation> · se restablece en {seconds} s</translation>
        </message>
        <message>
            <source>{active} on the server · {queued} not sent yet</source>
            <translation>{active} en el servidor · {queued} sin enviar aún</translation>
        </message>
        <message>
            <source>{plural_credits} this session</source>
            <translation>{plural_credits} en esta sesión</translation>
        </message>
    </context>
    <context>
        <name>AttachDialog</name>
        <message>
            <source>Attach to a Run</source>
            <translation>Asociar a una ejecución</translation>
        </message>
        <message>
            <source>Follow a run sent from elsewhere (another computer, a script, a webhook log): paste its request ID and choose its workflow. The server is asked first; its inputs stay unknown here.</source>
            <translation>Sigue una ejecución enviada desde otro lugar (otro ordenador, un script, un registro de webhook): pega su ID de solicitud y elige su flujo de trabajo. Primero se pregunta al servidor; sus entradas quedan como desconocidas aquí.</translation>
        </message>
        <message>
            <source>Request ID</source>
            <translation>ID de solicitud</translation>
        </message>
        <message>
            <source>Workflow</source>
            <translation>Flujo de trabajo</translation>
        </message>
        <message>
            <source>owner/workflow, as in the library</source>
            <translation>propietario/flujo, como en la biblioteca</translation>
        </message>
        <message>
            <source>&amp;Request ID:</source>
            <translation>ID de &amp;solicitud:</translation>
        </message>
        <message>
            <source>&amp;Workflow:</source>
            <translation>&amp;Flujo de trabajo:</translation>
        </message>
        <message>
            <source>Attach</source>
            <translation>Asociar</translation>
        </message>
        <message>
            <source>Asking the server…</source>
            <translation>Preguntando al servidor…</translation>
        </message>
    </context>
    <context>
        <name>AxisEditor</name>
        <message>
            <source>None (a single row)</source>
            <translation>Ninguna (una sola fila)</translation>
        </message>
        <message>
            <source>{title}: input to sweep</source>
            <translation>{title}: entrada que variar</translation>
        </message>
        <message>
            <source>{title}: values to try</source>
            <translation>{title}: valores que probar</translation>
        </message>
        <message>
            <source>{title}: values found</source>
            <translation>{title}: valores encontrados</translation>
        </message>
        <message numerus="yes">
            <source>✓ %n value(s): {values_preview}</source>
            <translation>
                <numerusform>✓ %n valor: {values_preview}</numerusform>
                <numerusform>✓ %n valores: {values_preview}</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>BannerPresenter</name>
        <message numerus="yes">
            <source> (and %n more batch(es) not sending)</source>
            <translation>
                <numerusform> (y %n lote más que no envía)</numerusform>
                <numerusform> (y %n lotes más que no envían)</numerusform>
            </translation>
        </message>
        <message>
            <source>Cancel batch</source>
            <translation>Cancelar lote</translation>
        </message>
        <message>
            <source>Cancel every unfinished run of “{name}”? Runs not sent yet are dropped; runs on the server are cancelled and their unused credits refunded.</source>
            <translation>¿Cancelar todas las ejecuciones sin terminar de «{name}»? Las que aún no se han enviado se descartan; las que están en el servidor se cancelan y se reembolsan sus créditos no usados.</translation>
        </message>
    </context>
    <context>
        <name>BatchBanner</name>
        <message>
            <source>Paused batch</source>
            <translation>Lote en pausa</translation>
        </message>
        <message>
            <source>Resume</source>
            <translation>Reanudar</translation>
        </message>
        <message>
            <source>Resume batch</source>
            <translation>Reanudar lote</translation>
        </message>
        <message>
            <source>Cancel batch</source>
            <translation>Cancelar lote</translation>
        </message>
    </context>
    <context>
        <name>BatchBar</name>
        <message>
            <source>Batch</source>
            <translation>Lote</translation>
        </message>
        <message>
            <source>Pause</source>
            <translation>Pausar</translation>
        </message>
        <message>
            <source>Stop sending this batch's waiting runs</source>
            <translation>Dejar de enviar las ejecuciones en espera de este lote</translation>
        </message>
        <message>
            <source>Cancel batch</source>
            <translation>Cancelar lote</translation>
        </message>
        <message>
            <source>Cancel every run of this batch not yet finished</source>
            <translation>Cancelar todas las ejecuciones de este lote que aún no han terminado</translation>
        </message>
        <message>
            <source>Retry failed</source>
            <translation>Reintentar fallidas</translation>
        </message>
        <message>
            <source>Send this batch's failed runs again, as new runs</source>
            <translation>Volver a enviar las ejecuciones fallidas de este lote como ejecuciones nuevas</translation>
        </message>
        <message>
            <source>Grid</source>
            <translation>Cuadrícula</translation>
        </message>
        <message>
            <source>Show the batch's outputs as a grid by the swept values</source>
            <translation>Mostrar los resultados del lote como una cuadrícula según los valores variados</translation>
        </message>
        <message>
            <source>Batch:</source>
            <translation>Lote:</translation>
        </message>
    </context>
    <context>
        <name>BatchBuilderDialog</name>
        <message>
            <source>Nothing to queue yet.</source>
            <translation>Aún no hay nada que encolar.</translation>
        </message>
        <message>
            <source>Build batch — {workflow_name}</source>
            <translation>Crear lote — {workflow_name}</translation>
        </message>
        <message>
            <source>Make many runs of {workflow_name} at once, starting from the values in the form. Nothing is sent until you queue them.</source>
            <translation>Crea muchas ejecuciones de {workflow_name} a la vez, partiendo de los valores del formulario. No se envía nada hasta que las encoles.</translation>
        </message>
        <message>
            <source>How to make the runs</source>
            <translation>Cómo crear las ejecuciones</translation>
        </message>
        <message>
            <source>&amp;Repeat</source>
            <translation>&amp;Repetir</translation>
        </message>
        <message>
            <source>S&amp;weep</source>
            <translation>&amp;Variar</translation>
        </message>
        <message>
            <source>&amp;Import file</source>
            <translation>&amp;Importar archivo</translation>
        </message>
        <message>
            <source>Batch name</source>
            <translation>Nombre del lote</translation>
        </message>
        <message>
            <source>Batch &amp;name:</source>
            <translation>&amp;Nombre del lote:</translation>
        </message>
        <message>
            <source>Batch summary</source>
            <translation>Resumen del lote</translation>
        </message>
        <message>
            <source>Why the batch cannot be queued</source>
            <translation>Por qué no se puede encolar el lote</translation>
        </message>
        <message>
            <source>Queue runs</source>
            <translation>Encolar ejecuciones</translation>
        </message>
        <message>
            <source>Queue the runs</source>
            <translation>Encolar las ejecuciones</translation>
        </message>
        <message>
            <source>The form's values have a problem: {message} Fix it in the form first.</source>
            <translation>Los valores del formulario tienen un problema: {message} Corrígelo primero en el formulario.</translation>
        </message>
        <message>
            <source>Repeat</source>
            <translation>Repetir</translation>
        </message>
        <message>
            <source>Sweep</source>
            <translation>Variar</translation>
        </message>
        <message>
            <source>Import</source>
            <translation>Importar</translation>
        </message>
        <message numerus="yes">
            <source>Queue %n run(s)</source>
            <translation>
                <numerusform>Encolar %n ejecución</numerusform>
                <numerusform>Encolar %n ejecuciones</numerusform>
            </translation>
        </message>
        <message>
            <source>No runs yet</source>
            <translation>Aún no hay ejecuciones</translation>
        </message>
    </context>
    <context>
        <name>BatchController</name>
        <message>
            <source>All runs</source>
            <extracomment>Told the runs of a batch about to be cancelled (the queue says what became of them).</extracomment>
            <translation>Todas las ejecuciones</translation>
        </message>
        <message>
            <source> · paused: {pause_reason}</source>
            <translation> · en pausa: {pause_reason}</translation>
        </message>
        <message>
            <source> · paused</source>
            <translation> · en pausa</translation>
        </message>
        <message>
            <source>Resume</source>
            <translation>Reanudar</translation>
        </message>
        <message>
            <source>Pause</source>
            <translation>Pausar</translation>
        </message>
        <message>
            <source>Cancel batch</source>
            <translation>Cancelar lote</translation>
        </message>
        <message>
            <source>Cancel every unfinished run of “{name}”? Runs not sent yet are dropped; runs on the server are cancelled and their unused credits refunded.</source>
            <translation>¿Cancelar todas las ejecuciones sin terminar de «{name}»? Las que aún no se han enviado se descartan; las que están en el servidor se cancelan y se reembolsan sus créditos no usados.</translation>
        </message>
    </context>
    <context>
        <name>Cancels</name>
        <message>
            <source>Done before the cancel reached the server · charged as usual</source>
            <extracomment>States a cancelled run can still pass through before it settles.</extracomment>
            <translation>Terminada antes de que la cancelación llegara al servidor · cobrada como siempre</translation>
        </message>
        <message>
            <source>Failed before the cancel reached the server</source>
            <translation>Fallida antes de que la cancelación llegara al servidor</translation>
        </message>
        <message>
            <source>Refused by the server · nothing charged</source>
            <translation>Rechazada por el servidor · sin cargo</translation>
        </message>
        <message>
            <source>Sent, no answer: check the run before sending it again</source>
            <translation>Enviada, sin respuesta: comprueba la ejecución antes de volver a enviarla</translation>
        </message>
        <message>
            <source>{credits} refunded</source>
            <translation>{credits} reembolsados</translation>
        </message>
        <message>
            <source>nothing refunded</source>
            <translation>nada reembolsado</translation>
        </message>
        <message>
            <source>Unknown to the server: it no longer knows this run</source>
            <translation>Desconocida para el servidor: ya no conoce esta ejecución</translation>
        </message>
        <message>
            <source>Not sent · nothing charged</source>
            <translation>No enviada · sin cargo</translation>
        </message>
        <message>
            <source>Cancelled · {refund}</source>
            <translation>Cancelada · {refund}</translation>
        </message>
        <message>
            <source>Finished before the cancel reached the server</source>
            <translation>Finalizada antes de que la cancelación llegara al servidor</translation>
        </message>
        <message>
            <source>{cancelled} cancelled · {refund}</source>
            <translation>{cancelled} canceladas · {refund}</translation>
        </message>
        <message>
            <source>{unsent} not sent · nothing charged</source>
            <translation>{unsent} sin enviar · sin cargo</translation>
        </message>
        <message>
            <source>{finished} finished before the cancel reached the server</source>
            <translation>{finished} finalizadas antes de que la cancelación llegara al servidor</translation>
        </message>
        <message>
            <source>{gone} unknown to the server</source>
            <translation>{gone} desconocidas para el servidor</translation>
        </message>
    </context>
    <context>
        <name>Cell</name>
        <message>
            <source> · starred</source>
            <extracomment>Longest header shown in full; longer swept values are shortened (the tooltip has all). Side of the thumbnails asked of the provider: cells scale them to fit. Marks a cell's run can have: starred (a badge in the corner) or rejected (dimmed). The run's seed ("" when it has none): tells apart tiles that sweep nothing else. ``STAR``, ``REJECT`` or None: the run's mark (or its picture's).</extracomment>
            <translation> · destacada</translation>
        </message>
        <message>
            <source> · rejected</source>
            <translation> · descartada</translation>
        </message>
    </context>
    <context>
        <name>ChainPresenter</name>
        <message>
            <source>Use as Input</source>
            <extracomment>The output put into a form's image field, recorded on the next run sent with it.</extracomment>
            <translation>Usar como entrada</translation>
        </message>
        <message>
            <source>No workflow in your library takes an image.</source>
            <translation>Ningún flujo de trabajo de tu biblioteca admite una imagen.</translation>
        </message>
        <message>
            <source>{ref} is not in your library any more: add it again to use this image.</source>
            <translation>{ref} ya no está en tu biblioteca: vuelve a añadirlo para usar esta imagen.</translation>
        </message>
        <message>
            <source>The form of {ref} has no image field “{field}” now: choose the image there.</source>
            <translation>El formulario de {ref} ya no tiene el campo de imagen «{field}»: elige allí la imagen.</translation>
        </message>
        <message>
            <source>The picture is in “{title}”: set the rest and run; the run will remember where it came from.</source>
            <translation>La imagen está en «{title}»: completa el resto y ejecuta; la ejecución recordará de dónde procede.</translation>
        </message>
        <message>
            <source>Made from {output} of a run deleted since</source>
            <translation>Creada a partir de {output} de una ejecución ya eliminada</translation>
        </message>
        <message>
            <source>Made from {output} of {workflow} ({made}) as {field}</source>
            <translation>Creada a partir de {output} de {workflow} ({made}) como {field}</translation>
        </message>
    </context>
    <context>
        <name>ColorField</name>
        <message>
            <source>Choose a colour</source>
            <translation>Elegir un color</translation>
        </message>
        <message>
            <source>{title}: choose a colour</source>
            <translation>{title}: elige un color</translation>
        </message>
        <message>
            <source>{title} must be a colour code such as {example}.</source>
            <translation>{title} debe ser un código de color como {example}.</translation>
        </message>
    </context>
    <context>
        <name>ColorScheme</name>
        <message>
            <source>Same as the &amp;System</source>
            <extracomment>Where the choice is kept in the app's settings (window.ini).</extracomment>
            <translation>Igual que el &amp;sistema</translation>
        </message>
        <message>
            <source>&amp;Light</source>
            <translation>&amp;Claro</translation>
        </message>
        <message>
            <source>&amp;Dark</source>
            <translation>&amp;Oscuro</translation>
        </message>
    </context>
    <context>
        <name>ColorSchemeFollower</name>
        <message>
            <source>&amp;Appearance</source>
            <translation>&amp;Apariencia</translation>
        </message>
    </context>
    <context>
        <name>Columns</name>
        <message>
            <source>Workflow</source>
            <extracomment>Changed rows at most this far apart are announced in one span (see _emit_columns).</extracomment>
            <translation>Flujo de trabajo</translation>
        </message>
        <message>
            <source>State</source>
            <translation>Estado</translation>
        </message>
        <message>
            <source>Queue</source>
            <translation>Cola</translation>
        </message>
        <message>
            <source>Progress</source>
            <translation>Progreso</translation>
        </message>
        <message>
            <source>Current node</source>
            <translation>Nodo actual</translation>
        </message>
        <message>
            <source>Credits</source>
            <translation>Créditos</translation>
        </message>
        <message>
            <source>Elapsed</source>
            <translation>Transcurrido</translation>
        </message>
        <message>
            <source>Submitted</source>
            <translation>Enviada</translation>
        </message>
        <message>
            <source>Seed</source>
            <translation>Semilla</translation>
        </message>
        <message>
            <source>Prompt</source>
            <translation>Prompt</translation>
        </message>
    </context>
    <context>
        <name>ComparePane</name>
        <message>
            <source>Image: {caption}</source>
            <extracomment>In swipe mode: the image right of the slider.</extracomment>
            <translation>Imagen: {caption}</translation>
        </message>
        <message>
            <source>Loading…</source>
            <translation>Cargando…</translation>
        </message>
    </context>
    <context>
        <name>CompareView</name>
        <message>
            <source>Compare {captions} images</source>
            <translation>Comparar {captions} imágenes</translation>
        </message>
        <message>
            <source>&amp;Swipe between the two</source>
            <translation>&amp;Deslizar entre las dos</translation>
        </message>
        <message>
            <source>Swipe position</source>
            <translation>Posición del deslizador</translation>
        </message>
        <message>
            <source>Wheel to zoom, drag to pan, double-click to fit: every image follows.</source>
            <translation>Rueda para ampliar, arrastrar para desplazar, doble clic para ajustar: todas las imágenes lo siguen.</translation>
        </message>
        <message>
            <source>Inputs that differ</source>
            <translation>Entradas que difieren</translation>
        </message>
        <message>
            <source>Input</source>
            <translation>Entrada</translation>
        </message>
        <message>
            <source>The runs' inputs are the same.</source>
            <translation>Las entradas de las ejecuciones son iguales.</translation>
        </message>
    </context>
    <context>
        <name>Connection</name>
        <message>
            <source>Not connected</source>
            <translation>Sin conexión</translation>
        </message>
        <message>
            <source>Starting the local sandbox…</source>
            <translation>Iniciando el sandbox local…</translation>
        </message>
        <message>
            <source>Connecting…</source>
            <translation>Conectando…</translation>
        </message>
        <message>
            <source>Connected</source>
            <translation>Conectado</translation>
        </message>
        <message>
            <source>Can't reach the server</source>
            <translation>No se puede conectar con el servidor</translation>
        </message>
        <message>
            <source>No API key</source>
            <translation>Sin clave de API</translation>
        </message>
        <message>
            <source>Checking the key…</source>
            <translation>Comprobando la clave…</translation>
        </message>
        <message>
            <source>Key rejected: open Profiles to replace it</source>
            <translation>Clave rechazada: abre Perfiles para reemplazarla</translation>
        </message>
    </context>
    <context>
        <name>Contact</name>
        <message>
            <source>Lost contact</source>
            <extracomment>The states a user may retry from: a retry is a new run linked to the old one. Every legal change of state. A state missing from a row's set is refused. The server could not be reached for a while, or the run's addresses no longer match its profile's (the key is never sent there): nothing is known, so nothing is shown moving. The server answered 404: it no longer knows this run. The local record stays.</extracomment>
            <translation>Conexión perdida</translation>
        </message>
        <message>
            <source>Unknown to the server</source>
            <translation>Desconocida para el servidor</translation>
        </message>
    </context>
    <context>
        <name>DateRanges</name>
        <message>
            <source>Any time</source>
            <extracomment>The schema step that adds the index, its triggers and fills it from the existing runs. The date choices beside the search: (words, value). Days are the computer's calendar days.</extracomment>
            <translation>Cualquier fecha</translation>
        </message>
        <message>
            <source>Today</source>
            <translation>Hoy</translation>
        </message>
        <message>
            <source>Last 7 days</source>
            <translation>Últimos 7 días</translation>
        </message>
        <message>
            <source>Last 30 days</source>
            <translation>Últimos 30 días</translation>
        </message>
    </context>
    <context>
        <name>DateTime</name>
        <message>
            <source>dd MMM HH:mm</source>
            <extracomment>The OutputItem of a row. Changed (in ``dataChanged``) when a row's thumbnail became available. Batch filter value selecting outputs of single runs (not part of a batch). Kind filter values: pictures and other media (the default), text and JSON, or everything. The output kinds that are not media: shown by the "Text and data" choice. Thumbnail sizes decoded; a tile shows the smallest one at least as large as itself, so dragging the size slider does not decode every image again for every pixel.</extracomment>
            <translation>dd MMM HH:mm</translation>
        </message>
    </context>
    <context>
        <name>DetailsPresenter</name>
        <message>
            <source>Run again</source>
            <extracomment>Told the runs about to be cancelled, so the status bar says what came back (the queue's watch: the same notice however the cancel was asked for). Shows a run just started (a retry) in the queue, selected: the queue's.</extracomment>
            <translation>Ejecutar de nuevo</translation>
        </message>
        <message>
            <source>Take this run out of the list? The app will no longer ask the server about it; if it is still running there, it may still finish and cost credits. Saved images stay on disk.</source>
            <translation>¿Quitar esta ejecución de la lista? La aplicación dejará de preguntar al servidor por ella; si aún se está ejecutando allí, puede terminar y costar créditos. Las imágenes guardadas se quedan en el disco.</translation>
        </message>
        <message>
            <source>Forget run</source>
            <translation>Olvidar ejecución</translation>
        </message>
        <message>
            <source>Its cost is not known yet: no run of this workflow has finished here.</source>
            <translation>Aún no se conoce su coste: ninguna ejecución de este flujo de trabajo ha terminado aquí.</translation>
        </message>
        <message>
            <source>It costs about {credits} credits, like the last one.</source>
            <translation>Cuesta unos {credits} créditos, como la última.</translation>
        </message>
        <message>
            <source>Send a new run of {name} with the same inputs? {cost} This run stays in the list until you forget it.</source>
            <translation>¿Enviar una nueva ejecución de {name} con las mismas entradas? {cost} Esta ejecución sigue en la lista hasta que la olvides.</translation>
        </message>
        <message>
            <source>Starting the local sandbox…</source>
            <translation>Iniciando el sandbox local…</translation>
        </message>
        <message>
            <source>The server still does not answer about this run. Check that it is running and reachable, then check again.</source>
            <translation>El servidor sigue sin responder sobre esta ejecución. Comprueba que esté en marcha y accesible y vuelve a comprobarlo.</translation>
        </message>
        <message>
            <source>The server no longer knows this run. Run it again, or forget it.</source>
            <translation>El servidor ya no conoce esta ejecución. Ejecútala de nuevo u olvídala.</translation>
        </message>
        <message>
            <source>The server answered: the run is followed again.</source>
            <translation>El servidor ha respondido: se vuelve a seguir la ejecución.</translation>
        </message>
    </context>
    <context>
        <name>EnumField</name>
        <message>
            <source>Type to search</source>
            <extracomment>Longer lists of choices can be searched by typing.</extracomment>
            <translation>Escribe para buscar</translation>
        </message>
    </context>
    <context>
        <name>Fetching</name>
        <message>
            <source>{display_name}: no server to ask for its inputs; it starts with a prompt and a seed. Use “Edit inputs…” to change them.</source>
            <translation>{display_name}: no hay servidor al que preguntar por sus entradas; empieza con un prompt y una semilla. Usa «Editar entradas…» para cambiarlas.</translation>
        </message>
        <message>
            <source>The server's description of {ref} is unusable: {exc}</source>
            <translation>La descripción de {ref} que da el servidor no se puede usar: {exc}</translation>
        </message>
        <message>
            <source>Could not ask the server about {ref}: {user_message}</source>
            <translation>No se pudo preguntar al servidor por {ref}: {user_message}</translation>
        </message>
        <message>
            <source>{display_name}: inputs from the server.</source>
            <translation>{display_name}: entradas del servidor.</translation>
        </message>
        <message>
            <source>The server does not describe the inputs of {ref}; using {kept}. Use “Edit inputs…” to change them.</source>
            <translation>El servidor no describe las entradas de {ref}; se usan {kept}. Usa «Editar entradas…» para cambiarlas.</translation>
        </message>
    </context>
    <context>
        <name>FieldDraft</name>
        <message>
            <source>Text (one line)</source>
            <translation>Texto (una línea)</translation>
        </message>
        <message>
            <source>Text (several lines)</source>
            <translation>Texto (varias líneas)</translation>
        </message>
        <message>
            <source>Secret text</source>
            <translation>Texto secreto</translation>
        </message>
        <message>
            <source>Choice from a list</source>
            <translation>Opción de una lista</translation>
        </message>
        <message>
            <source>Whole number</source>
            <translation>Número entero</translation>
        </message>
        <message>
            <source>Number</source>
            <translation>Número</translation>
        </message>
        <message>
            <source>Yes / no</source>
            <translation>Sí / no</translation>
        </message>
        <message>
            <source>List of texts</source>
            <translation>Lista de textos</translation>
        </message>
        <message>
            <source>List of numbers</source>
            <translation>Lista de números</translation>
        </message>
        <message>
            <source>Image or file</source>
            <translation>Imagen o archivo</translation>
        </message>
        <message>
            <source>JSON value</source>
            <translation>Valor JSON</translation>
        </message>
        <message>
            <source>Rows of inputs</source>
            <translation>Filas de entradas</translation>
        </message>
        <message>
            <source>Choice of shapes</source>
            <translation>Opción entre formas</translation>
        </message>
        <message>
            <source>Colour</source>
            <translation>Color</translation>
        </message>
        <message>
            <source>Images or files</source>
            <extracomment>An empty text default ("" as in Cog's negative_prompt) is a default too.</extracomment>
            <translation>Imágenes o archivos</translation>
        </message>
        <message>
            <source>(no name)</source>
            <translation>(sin nombre)</translation>
        </message>
        <message>
            <source>Every input needs a name.</source>
            <translation>Cada entrada necesita un nombre.</translation>
        </message>
        <message>
            <source>The name {name} can only have letters, digits, '_' and '-', and must not start with a digit (it is what the workflow receives).</source>
            <translation>El nombre {name} solo puede tener letras, dígitos, «_» y «-», y no puede empezar por un dígito (es lo que recibe el flujo de trabajo).</translation>
        </message>
        <message>
            <source>{title}: list the choices, one per line.</source>
            <translation>{title}: enumera las opciones, una por línea.</translation>
        </message>
        <message>
            <source>smallest value</source>
            <translation>valor mínimo</translation>
        </message>
        <message>
            <source>largest value</source>
            <translation>valor máximo</translation>
        </message>
        <message>
            <source>{title}: the smallest value is above the largest.</source>
            <translation>{title}: el valor mínimo es mayor que el máximo.</translation>
        </message>
        <message>
            <source>{title}: the default is outside the smallest/largest values.</source>
            <translation>{title}: el valor predeterminado está fuera de los valores mínimo y máximo.</translation>
        </message>
        <message>
            <source>{name}: the {what} must be a number.</source>
            <translation>{name}: el {what} debe ser un número.</translation>
        </message>
        <message>
            <source>{name}: the {what} must be a whole number.</source>
            <translation>{name}: el {what} debe ser un número entero.</translation>
        </message>
        <message>
            <source>{title}: the default must be a whole number.</source>
            <translation>{title}: el valor predeterminado debe ser un número entero.</translation>
        </message>
        <message>
            <source>{title}: the default must be a number.</source>
            <translation>{title}: el valor predeterminado debe ser un número.</translation>
        </message>
        <message>
            <source>{title}: the default must be yes or no.</source>
            <translation>{title}: el valor predeterminado debe ser sí o no.</translation>
        </message>
        <message>
            <source>{title}: the default must be one of the choices.</source>
            <translation>{title}: el valor predeterminado debe ser una de las opciones.</translation>
        </message>
        <message>
            <source>{title}: the default must be numbers separated by commas.</source>
            <translation>{title}: el valor predeterminado deben ser números separados por comas.</translation>
        </message>
        <message>
            <source>{title}: the default is not valid JSON ({msg}).</source>
            <translation>{title}: el valor predeterminado no es JSON válido ({msg}).</translation>
        </message>
    </context>
    <context>
        <name>FieldEditor</name>
        <message>
            <source>Group of inputs (kept as it is)</source>
            <extracomment>Shapes kept as the schema gave them, in the user's words.</extracomment>
            <translation>Grupo de entradas (se conserva tal cual)</translation>
        </message>
        <message>
            <source>Rows of inputs (kept as they are)</source>
            <translation>Filas de entradas (se conservan tal cual)</translation>
        </message>
        <message>
            <source>Choice of shapes (kept as it is)</source>
            <translation>Opción entre formas (se conserva tal cual)</translation>
        </message>
        <message>
            <source>Colour (kept as it is)</source>
            <translation>Color (se conserva tal cual)</translation>
        </message>
    </context>
    <context>
        <name>FieldEditorDialog</name>
        <message>
            <source>Inputs of {title}</source>
            <translation>Entradas de {title}</translation>
        </message>
        <message>
            <source>Inputs</source>
            <translation>Entradas</translation>
        </message>
        <message>
            <source>Add input</source>
            <translation>Añadir entrada</translation>
        </message>
        <message>
            <source>Remove</source>
            <translation>Quitar</translation>
        </message>
        <message>
            <source>what the workflow receives, e.g. prompt</source>
            <translation>lo que recibe el flujo de trabajo, p. ej., prompt</translation>
        </message>
        <message>
            <source>Images or files (several)</source>
            <translation>Imágenes o archivos (varios)</translation>
        </message>
        <message>
            <source>The workflow needs this input</source>
            <translation>El flujo de trabajo necesita esta entrada</translation>
        </message>
        <message>
            <source>Fold under “Advanced settings”</source>
            <translation>Plegar en «Ajustes avanzados»</translation>
        </message>
        <message>
            <source>no limit</source>
            <translation>sin límite</translation>
        </message>
        <message>
            <source>One choice per line</source>
            <translation>Una opción por línea</translation>
        </message>
        <message>
            <source>Help shown under the input</source>
            <translation>Ayuda que se muestra bajo la entrada</translation>
        </message>
        <message>
            <source>Name:</source>
            <translation>Nombre:</translation>
        </message>
        <message>
            <source>Label:</source>
            <translation>Etiqueta:</translation>
        </message>
        <message>
            <source>Type:</source>
            <translation>Tipo:</translation>
        </message>
        <message>
            <source>Default:</source>
            <translation>Predeterminado:</translation>
        </message>
        <message>
            <source>Smallest:</source>
            <translation>Mínimo:</translation>
        </message>
        <message>
            <source>Largest:</source>
            <translation>Máximo:</translation>
        </message>
        <message>
            <source>Choices:</source>
            <translation>Opciones:</translation>
        </message>
        <message>
            <source>Help:</source>
            <translation>Ayuda:</translation>
        </message>
        <message>
            <source>Add at least one input.</source>
            <translation>Añade al menos una entrada.</translation>
        </message>
        <message>
            <source>yes or no</source>
            <translation>sí o no</translation>
        </message>
        <message>
            <source>one of the choices</source>
            <translation>una de las opciones</translation>
        </message>
        <message>
            <source>texts separated by commas</source>
            <translation>textos separados por comas</translation>
        </message>
        <message>
            <source>numbers separated by commas</source>
            <translation>números separados por comas</translation>
        </message>
        <message>
            <source>JSON, e.g. {"a": 1}</source>
            <translation>JSON, p. ej., {"a": 1}</translation>
        </message>
        <message>
            <source>an address (https://…)</source>
            <translation>una dirección (https://…)</translation>
        </message>
        <message>
            <source>kept as the schema gives it</source>
            <translation>se conserva como lo da el esquema</translation>
        </message>
    </context>
    <context>
        <name>FieldRow</name>
        <message>
            <source>Required. </source>
            <extracomment>The widest a label gets beside its input; longer ones wrap ("Subject Reference Image URL"), so the form fits a narrow panel instead of being cut off on the right.</extracomment>
            <translation>Obligatoria. </translation>
        </message>
        <message>
            <source>More</source>
            <translation>Más</translation>
        </message>
        <message>
            <source>Less</source>
            <translation>Menos</translation>
        </message>
    </context>
    <context>
        <name>FileCard</name>
        <message>
            <source>File</source>
            <translation>Archivo</translation>
        </message>
        <message>
            <source>File name</source>
            <translation>Nombre del archivo</translation>
        </message>
        <message>
            <source>File details</source>
            <translation>Detalles del archivo</translation>
        </message>
        <message>
            <source>Preview</source>
            <extracomment>A picture of the file where the app can draw one (an OBJ mesh), else hidden.</extracomment>
            <translation>Vista previa</translation>
        </message>
        <message>
            <source>Save As…</source>
            <translation>Guardar como…</translation>
        </message>
        <message>
            <source>Open with…</source>
            <translation>Abrir con…</translation>
        </message>
        <message>
            <source>Open it in the app your computer uses for this kind of file</source>
            <translation>Abrirlo en la aplicación que usa tu ordenador para este tipo de archivo</translation>
        </message>
        <message>
            <source>Copy Path</source>
            <translation>Copiar ruta</translation>
        </message>
        <message>
            <source>Copy where the file is, to open it from another app</source>
            <translation>Copiar dónde está el archivo, para abrirlo desde otra aplicación</translation>
        </message>
        <message>
            <source>no extension</source>
            <translation>sin extensión</translation>
        </message>
        <message>
            <source>No app on this computer opens this kind of file. Its path was copied, so you can open it from an app that does:
{path}</source>
            <translation>Ninguna aplicación de este ordenador abre este tipo de archivo. Se copió su ruta para que puedas abrirlo desde una aplicación que sí lo haga:
{path}</translation>
        </message>
    </context>
    <context>
        <name>FileField</name>
        <message>
            <source>an image</source>
            <translation>una imagen</translation>
        </message>
        <message>
            <source>a file</source>
            <translation>un archivo</translation>
        </message>
        <message>
            <source>Paste {word}'s address, or drop {word} here</source>
            <translation>Pega la dirección ({word}) o suelta {word} aquí</translation>
        </message>
        <message>
            <source>Choose…</source>
            <translation>Elegir…</translation>
        </message>
        <message>
            <source>Paste</source>
            <translation>Pegar</translation>
        </message>
        <message>
            <source>Clear</source>
            <translation>Borrar</translation>
        </message>
        <message>
            <source>file sent with the run</source>
            <translation>archivo enviado con la ejecución</translation>
        </message>
        <message>
            <source>{title}: still reading {value}…</source>
            <translation>{title}: aún se está leyendo {value}…</translation>
        </message>
        <message>
            <source>the file</source>
            <translation>el archivo</translation>
        </message>
        <message>
            <source>The clipboard holds no picture, file or web address.</source>
            <translation>El portapapeles no contiene ninguna imagen, archivo ni dirección web.</translation>
        </message>
        <message>
            <source>URL</source>
            <translation>URL</translation>
        </message>
        <message>
            <source>A web address: the server fetches it when the run starts.</source>
            <translation>Una dirección web: el servidor la descarga cuando empieza la ejecución.</translation>
        </message>
        <message>
            <source>Reading {name}…</source>
            <translation>Leyendo {name}…</translation>
        </message>
        <message>
            <source>Image</source>
            <translation>Imagen</translation>
        </message>
        <message>
            <source>File</source>
            <translation>Archivo</translation>
        </message>
        <message>
            <source>The file could not be read.</source>
            <translation>No se pudo leer el archivo.</translation>
        </message>
        <message>
            <source>{name} ({human_size}, sent with the run)</source>
            <translation>{name} ({human_size}, se envía con la ejecución)</translation>
        </message>
    </context>
    <context>
        <name>FileListField</name>
        <message>
            <source>an image</source>
            <translation>una imagen</translation>
        </message>
        <message>
            <source>a file</source>
            <translation>un archivo</translation>
        </message>
        <message>
            <source>Paste {word}'s address and press Enter</source>
            <translation>Pega la dirección ({word}) y pulsa Intro</translation>
        </message>
        <message>
            <source>Add files…</source>
            <translation>Añadir archivos…</translation>
        </message>
        <message>
            <source>Paste</source>
            <translation>Pegar</translation>
        </message>
        <message>
            <source>Remove</source>
            <translation>Quitar</translation>
        </message>
        <message>
            <source>{title}: still reading files…</source>
            <translation>{title}: aún se están leyendo archivos…</translation>
        </message>
        <message>
            <source>File sent with the run</source>
            <translation>Archivo enviado con la ejecución</translation>
        </message>
        <message>
            <source>Reading pasted image…</source>
            <translation>Leyendo la imagen pegada…</translation>
        </message>
        <message>
            <source>pasted image</source>
            <translation>imagen pegada</translation>
        </message>
        <message>
            <source>Reading {name}…</source>
            <translation>Leyendo {name}…</translation>
        </message>
        <message>
            <source>The clipboard holds no picture, file or web address.</source>
            <translation>El portapapeles no contiene ninguna imagen, archivo ni dirección web.</translation>
        </message>
        <message>
            <source>The file could not be read.</source>
            <translation>No se pudo leer el archivo.</translation>
        </message>
    </context>
    <context>
        <name>FileLoading</name>
        <message numerus="yes">
            <source>%n byte(s)</source>
            <translation>
                <numerusform>%n byte</numerusform>
                <numerusform>%n bytes</numerusform>
            </translation>
        </message>
        <message>
            <source>{name} is {human_size}; files up to {human_size2} can be sent with a run. Put it online and paste its address instead.</source>
            <translation>{name} ocupa {human_size}; con una ejecución se pueden enviar archivos de hasta {human_size2}. Súbelo a internet y pega su dirección en su lugar.</translation>
        </message>
        <message>
            <source>an image</source>
            <translation>una imagen</translation>
        </message>
        <message>
            <source>a sound file</source>
            <translation>un archivo de sonido</translation>
        </message>
        <message>
            <source>a video</source>
            <translation>un vídeo</translation>
        </message>
        <message>
            <source>a file</source>
            <translation>un archivo</translation>
        </message>
        <message>
            <source>{name} could not be read: {value}.</source>
            <translation>No se pudo leer {name}: {value}.</translation>
        </message>
        <message>
            <source>{name} is not {kind_word}.</source>
            <translation>{name} no es {kind_word}.</translation>
        </message>
        <message>
            <source>file sent with the run</source>
            <translation>archivo enviado con la ejecución</translation>
        </message>
        <message>
            <source>Images ({IMAGE_SUFFIXES});;All files (*)</source>
            <translation>Imágenes ({IMAGE_SUFFIXES});;Todos los archivos (*)</translation>
        </message>
        <message>
            <source>All files (*)</source>
            <translation>Todos los archivos (*)</translation>
        </message>
        <message>
            <source>Choose {title}</source>
            <translation>Elegir {title}</translation>
        </message>
    </context>
    <context>
        <name>FilterBar</name>
        <message>
            <source>All</source>
            <extracomment>The marks filter's choices: (words, value).</extracomment>
            <translation>Todos</translation>
        </message>
        <message>
            <source>Starred</source>
            <translation>Destacados</translation>
        </message>
        <message>
            <source>Not rejected</source>
            <translation>No descartados</translation>
        </message>
        <message>
            <source>Rejected</source>
            <translation>Descartados</translation>
        </message>
    </context>
    <context>
        <name>FolderPathDialog</name>
        <message>
            <source>Folder</source>
            <translation>Carpeta</translation>
        </message>
        <message>
            <source>Folder path</source>
            <translation>Ruta de la carpeta</translation>
        </message>
        <message>
            <source>No file manager opened this folder. Copy its path and open it in the program you use for files:</source>
            <translation>Ningún gestor de archivos abrió esta carpeta. Copia su ruta y ábrela en el programa que uses para los archivos:</translation>
        </message>
        <message>
            <source>Copy path</source>
            <translation>Copiar ruta</translation>
        </message>
        <message>
            <source>Copied</source>
            <translation>Copiado</translation>
        </message>
    </context>
    <context>
        <name>Form</name>
        <message>
            <source>Add an API key for this profile (File ▸ Profiles and API Keys) to run.</source>
            <translation>Añade una clave de API a este perfil (Archivo ▸ Perfiles y claves de API) para ejecutar.</translation>
        </message>
        <message>
            <source>The server refused this profile's key: open Profiles to replace it.</source>
            <translation>El servidor rechazó la clave de este perfil: abre Perfiles para reemplazarla.</translation>
        </message>
        <message>
            <source>inputs from the server's schema</source>
            <translation>entradas del esquema del servidor</translation>
        </message>
        <message>
            <source>inputs from an imported schema</source>
            <translation>entradas de un esquema importado</translation>
        </message>
        <message>
            <source>inputs inferred from an example</source>
            <translation>entradas deducidas de un ejemplo</translation>
        </message>
        <message>
            <source>inputs from the field editor</source>
            <translation>entradas del editor de campos</translation>
        </message>
        <message>
            <source>inputs of the reference example</source>
            <translation>entradas del ejemplo de referencia</translation>
        </message>
    </context>
    <context>
        <name>FormPages</name>
        <message>
            <source>The JSON has a mistake at line {lineno}, column {colno}: {msg}. Nothing was changed: fix it, or show the form's values again.</source>
            <translation>El JSON tiene un error en la línea {lineno}, columna {colno}: {msg}. No se ha cambiado nada: corrígelo o vuelve a mostrar los valores del formulario.</translation>
        </message>
        <message>
            <source>The JSON is nested too deeply. Nothing was changed.</source>
            <translation>El JSON está anidado demasiado profundamente. No se ha cambiado nada.</translation>
        </message>
        <message>
            <source>The inputs must be a JSON object, in braces: {"prompt": "…"}. Nothing was changed.</source>
            <translation>Las entradas deben ser un objeto JSON, entre llaves: {"prompt": "…"}. No se ha cambiado nada.</translation>
        </message>
    </context>
    <context>
        <name>FormPanel</name>
        <message>
            <source>Choose a workflow in the sidebar.</source>
            <translation>Elige un flujo de trabajo en la barra lateral.</translation>
        </message>
        <message>
            <source>Run</source>
            <translation>Ejecutar</translation>
        </message>
        <message>
            <source>Run {count}</source>
            <translation>Ejecutar {count}</translation>
        </message>
        <message>
            <source>Workflow inputs</source>
            <translation>Entradas del flujo de trabajo</translation>
        </message>
        <message>
            <source>No workflow selected</source>
            <translation>Ningún flujo de trabajo seleccionado</translation>
        </message>
        <message>
            <source>Inputs of the workflow</source>
            <translation>Entradas del flujo de trabajo</translation>
        </message>
        <message>
            <source>Pick a workflow on the left to fill in its inputs.</source>
            <translation>Elige un flujo de trabajo a la izquierda para rellenar sus entradas.</translation>
        </message>
        <message>
            <source>Run options</source>
            <translation>Opciones de ejecución</translation>
        </message>
        <message>
            <source>https://example.com/fizzly-webhook (optional)</source>
            <translation>https://example.com/fizzly-webhook (opcional)</translation>
        </message>
        <message>
            <source>Webhook URL</source>
            <translation>URL del webhook</translation>
        </message>
        <message>
            <source>Number of runs</source>
            <translation>Número de ejecuciones</translation>
        </message>
        <message>
            <source>How many runs to start with these inputs (seeds left random vary)</source>
            <translation>Cuántas ejecuciones iniciar con estas entradas (las semillas aleatorias varían)</translation>
        </message>
        <message>
            <source>Build batch…</source>
            <translation>Crear lote…</translation>
        </message>
        <message>
            <source>Build batch</source>
            <translation>Crear lote</translation>
        </message>
        <message>
            <source>Sweeps, seed series and imported CSV or JSONL files</source>
            <translation>Variaciones, series de semillas y archivos CSV o JSONL importados</translation>
        </message>
        <message>
            <source>Start the run (Ctrl+Enter)</source>
            <translation>Iniciar la ejecución (Ctrl+Intro)</translation>
        </message>
        <message>
            <source>Some inputs need attention.</source>
            <translation>Algunas entradas requieren atención.</translation>
        </message>
        <message>
            <source>; about {credits_per_run} credits a run, from its finished runs</source>
            <translation>; unos {credits_per_run} créditos por ejecución, según sus ejecuciones terminadas</translation>
        </message>
    </context>
    <context>
        <name>FormPresenter</name>
        <message>
            <source>× {before} stays with {display_name}: {display_name2} starts from {plural}.</source>
            <extracomment>Profiles whose key the server refused when last checked (the profiles presenter's).</extracomment>
            <translation>× {before} se queda con {display_name}: {display_name2} empieza con {plural}.</translation>
        </message>
        <message>
            <source>Could not ask the server for its inputs: {message}</source>
            <translation>No se pudo preguntar al servidor por sus entradas: {message}</translation>
        </message>
        <message>
            <source>Some inputs of that run are not in this workflow's form: </source>
            <translation>Algunas entradas de esa ejecución no están en el formulario de este flujo de trabajo: </translation>
        </message>
    </context>
    <context>
        <name>Formatting</name>
        <message numerus="yes">
            <source>{credits} credit(s)</source>
            <translation>
                <numerusform>{credits} crédito</numerusform>
                <numerusform>{credits} créditos</numerusform>
            </translation>
        </message>
        <message>
            <source>under 1 s</source>
            <translation>menos de 1 s</translation>
        </message>
        <message>
            <source>about {round} s</source>
            <translation>unos {round} s</translation>
        </message>
        <message>
            <source>about {minutes} min</source>
            <translation>unos {minutes} min</translation>
        </message>
        <message>
            <source>about {hours} h {rest} min</source>
            <translation>unas {hours} h {rest} min</translation>
        </message>
        <message>
            <source>about {hours} h</source>
            <translation>unas {hours} h</translation>
        </message>
        <message>
            <source>{minutes} min {whole} s</source>
            <translation>{minutes} min {whole} s</translation>
        </message>
        <message>
            <source>{hours} h {minutes} min</source>
            <translation>{hours} h {minutes} min</translation>
        </message>
    </context>
    <context>
        <name>GalleryFilterBar</name>
        <message>
            <source>Filter by workflow</source>
            <translation>Filtrar por flujo de trabajo</translation>
        </message>
        <message>
            <source>Filter by batch</source>
            <translation>Filtrar por lote</translation>
        </message>
        <message>
            <source>Filter by kind of output</source>
            <translation>Filtrar por tipo de resultado</translation>
        </message>
        <message>
            <source>Images and media</source>
            <translation>Imágenes y multimedia</translation>
        </message>
        <message>
            <source>Text and data</source>
            <translation>Texto y datos</translation>
        </message>
        <message>
            <source>Everything</source>
            <translation>Todo</translation>
        </message>
        <message>
            <source>Number of outputs shown</source>
            <translation>Número de resultados mostrados</translation>
        </message>
        <message>
            <source>Thumbnail size</source>
            <translation>Tamaño de las miniaturas</translation>
        </message>
        <message>
            <source>Search prompts and inputs</source>
            <translation>Buscar en prompts y entradas</translation>
        </message>
        <message>
            <source>Search outputs</source>
            <translation>Buscar resultados</translation>
        </message>
        <message>
            <source>Show outputs by mark</source>
            <translation>Mostrar resultados por marca</translation>
        </message>
        <message>
            <source>Show outputs made</source>
            <translation>Mostrar resultados creados</translation>
        </message>
        <message>
            <source>&amp;Workflow:</source>
            <translation>&amp;Flujo de trabajo:</translation>
        </message>
        <message>
            <source>&amp;Batch:</source>
            <translation>&amp;Lote:</translation>
        </message>
        <message>
            <source>S&amp;how:</source>
            <translation>Mo&amp;strar:</translation>
        </message>
        <message>
            <source>Size:</source>
            <translation>Tamaño:</translation>
        </message>
    </context>
    <context>
        <name>GalleryModel</name>
        <message>
            <source>Output: {name}</source>
            <translation>Resultado: {name}</translation>
        </message>
        <message>
            <source>Batch: {batch}</source>
            <translation>Lote: {batch}</translation>
        </message>
    </context>
    <context>
        <name>GalleryView</name>
        <message>
            <source>No outputs yet — run a workflow and its images will appear here.</source>
            <translation>Aún no hay resultados: ejecuta un flujo de trabajo y sus imágenes aparecerán aquí.</translation>
        </message>
        <message>
            <source>No outputs match these filters.</source>
            <translation>Ningún resultado coincide con estos filtros.</translation>
        </message>
        <message>
            <source>Choose Show: Everything to see text and data outputs too.</source>
            <extracomment>Said under NO_MATCH_MESSAGE while only images are shown: other outputs may be what there is.</extracomment>
            <translation>Elige «Mostrar: Todo» para ver también los resultados de texto y datos.</translation>
        </message>
        <message>
            <source>Gallery</source>
            <translation>Galería</translation>
        </message>
        <message>
            <source>Outputs</source>
            <extracomment>Adds entries to a tile's menu (the library's "Use as Input ▸").</extracomment>
            <translation>Resultados</translation>
        </message>
        <message>
            <source>Gallery message</source>
            <translation>Mensaje de la galería</translation>
        </message>
        <message>
            <source>Open</source>
            <translation>Abrir</translation>
        </message>
        <message>
            <source>Use these inputs</source>
            <translation>Usar estas entradas</translation>
        </message>
        <message>
            <source>Show run</source>
            <translation>Mostrar ejecución</translation>
        </message>
        <message>
            <source>Open containing folder</source>
            <translation>Abrir la carpeta contenedora</translation>
        </message>
        <message>
            <source>Copy text</source>
            <translation>Copiar texto</translation>
        </message>
        <message>
            <source>Save as…</source>
            <translation>Guardar como…</translation>
        </message>
        <message>
            <source>Copy image</source>
            <translation>Copiar imagen</translation>
        </message>
        <message>
            <source>Export selected…</source>
            <translation>Exportar selección…</translation>
        </message>
        <message>
            <source>Star</source>
            <translation>Destacar</translation>
        </message>
        <message>
            <source>Reject</source>
            <translation>Descartar</translation>
        </message>
        <message>
            <source>Compare…</source>
            <translation>Comparar…</translation>
        </message>
        <message>
            <source>Export {exportable} selected images…</source>
            <translation>Exportar {exportable} imágenes seleccionadas…</translation>
        </message>
        <message>
            <source>Export…</source>
            <translation>Exportar…</translation>
        </message>
        <message>
            <source>All workflows</source>
            <translation>Todos los flujos de trabajo</translation>
        </message>
        <message>
            <source>All batches</source>
            <translation>Todos los lotes</translation>
        </message>
        <message>
            <source>Single runs</source>
            <translation>Ejecuciones sueltas</translation>
        </message>
        <message>
            <source>{shown} of {total}</source>
            <translation>{shown} de {total}</translation>
        </message>
    </context>
    <context>
        <name>GridCells</name>
        <message>
            <source>Waiting</source>
            <translation>En espera</translation>
        </message>
        <message>
            <source>Running</source>
            <translation>En ejecución</translation>
        </message>
        <message>
            <source>Done</source>
            <translation>Terminada</translation>
        </message>
        <message>
            <source>Failed</source>
            <translation>Fallida</translation>
        </message>
        <message>
            <source>Cancelled</source>
            <translation>Cancelada</translation>
        </message>
        <message>
            <source>Needs attention</source>
            <translation>Requiere atención</translation>
        </message>
        <message>
            <source>seed {seed}</source>
            <translation>semilla {seed}</translation>
        </message>
    </context>
    <context>
        <name>GridPlayActions</name>
        <message>
            <source>Play This &amp;Row Together</source>
            <translation>Reproducir esta &amp;fila a la vez</translation>
        </message>
        <message>
            <source>Play This Co&amp;lumn Together</source>
            <translation>Reproducir esta co&amp;lumna a la vez</translation>
        </message>
    </context>
    <context>
        <name>ImageViewer</name>
        <message>
            <source>WebP image</source>
            <translation>Imagen WebP</translation>
        </message>
        <message>
            <source>PNG image</source>
            <translation>Imagen PNG</translation>
        </message>
        <message>
            <source>JPEG image</source>
            <translation>Imagen JPEG</translation>
        </message>
        <message>
            <source>Image viewer</source>
            <extracomment>When set (by the app's output actions), Save As and Copy go through them: the copy is made off the GUI thread and the sidecar can go along.</extracomment>
            <translation>Visor de imágenes</translation>
        </message>
        <message>
            <source>Image</source>
            <translation>Imagen</translation>
        </message>
        <message>
            <source>Image actions</source>
            <translation>Acciones de imagen</translation>
        </message>
        <message>
            <source>Zoom out</source>
            <translation>Alejar</translation>
        </message>
        <message>
            <source>Zoom in</source>
            <translation>Acercar</translation>
        </message>
        <message>
            <source>Fit</source>
            <translation>Ajustar</translation>
        </message>
        <message>
            <source>Fit to window (F)</source>
            <translation>Ajustar a la ventana (F)</translation>
        </message>
        <message>
            <source>Actual size (1)</source>
            <translation>Tamaño real (1)</translation>
        </message>
        <message>
            <source>Save as…</source>
            <translation>Guardar como…</translation>
        </message>
        <message>
            <source>Copy image</source>
            <translation>Copiar imagen</translation>
        </message>
        <message>
            <source>Open folder</source>
            <translation>Abrir carpeta</translation>
        </message>
        <message>
            <source>Open the folder that holds this image</source>
            <translation>Abrir la carpeta que contiene esta imagen</translation>
        </message>
        <message>
            <source>Viewer message</source>
            <translation>Mensaje del visor</translation>
        </message>
        <message>
            <source>File name</source>
            <translation>Nombre del archivo</translation>
        </message>
        <message>
            <source>Image size</source>
            <translation>Tamaño de la imagen</translation>
        </message>
        <message>
            <source>Zoom</source>
            <translation>Zoom</translation>
        </message>
        <message>
            <source>No image.</source>
            <translation>No hay imagen.</translation>
        </message>
        <message>
            <source>Loading…</source>
            <translation>Cargando…</translation>
        </message>
        <message>
            <source>{width} × {height} px</source>
            <translation>{width} × {height} px</translation>
        </message>
        <message>
            <source>This image can't be shown.
{reason}</source>
            <translation>Esta imagen no se puede mostrar.
{reason}</translation>
        </message>
        <message>
            <source>Save image as</source>
            <translation>Guardar imagen como</translation>
        </message>
        <message>
            <source>All files (*)</source>
            <translation>Todos los archivos (*)</translation>
        </message>
        <message>
            <source>Could not save the image: {reason}.</source>
            <translation>No se pudo guardar la imagen: {reason}.</translation>
        </message>
        <message>
            <source>Saved a copy as {name}</source>
            <translation>Se guardó una copia como {name}</translation>
        </message>
    </context>
    <context>
        <name>ImageViewerWindow</name>
        <message>
            <source>Image</source>
            <translation>Imagen</translation>
        </message>
        <message>
            <source>Image viewer window</source>
            <translation>Ventana del visor de imágenes</translation>
        </message>
        <message>
            <source>Previous</source>
            <extracomment>Videos, sounds and other files: made the first time one is shown.</extracomment>
            <translation>Anterior</translation>
        </message>
        <message>
            <source>Next</source>
            <translation>Siguiente</translation>
        </message>
        <message>
            <source>Position</source>
            <translation>Posición</translation>
        </message>
        <message>
            <source>Save As…</source>
            <translation>Guardar como…</translation>
        </message>
        <message>
            <source>{text} image ({toString})</source>
            <translation>Imagen {text} ({toString})</translation>
        </message>
    </context>
    <context>
        <name>ImportTab</name>
        <message>
            <source>Input rows (*.csv *.tsv *.txt *.jsonl *.ndjson *.json);;All files (*)</source>
            <extracomment>Files the import accepts, for the file chooser.</extracomment>
            <translation>Filas de entradas (*.csv *.tsv *.txt *.jsonl *.ndjson *.json);;Todos los archivos (*)</translation>
        </message>
        <message>
            <source>Drop a CSV or JSONL file of input rows here, or choose one.</source>
            <translation>Suelta aquí un archivo CSV o JSONL con filas de entradas, o elige uno.</translation>
        </message>
        <message>
            <source>&amp;Choose file…</source>
            <translation>&amp;Elegir archivo…</translation>
        </message>
        <message>
            <source>Choose a CSV or JSONL file of input rows</source>
            <translation>Elegir un archivo CSV o JSONL con filas de entradas</translation>
        </message>
        <message>
            <source>The first row names the inputs ({names}…); each further row is one run. Empty cells keep the form's values. JSONL: one object of inputs per line.</source>
            <translation>La primera fila nombra las entradas ({names}…); cada fila siguiente es una ejecución. Las celdas vacías conservan los valores del formulario. JSONL: un objeto de entradas por línea.</translation>
        </message>
        <message>
            <source>Rows found in the file</source>
            <translation>Filas encontradas en el archivo</translation>
        </message>
        <message>
            <source>What the file gives</source>
            <translation>Lo que aporta el archivo</translation>
        </message>
        <message>
            <source>Reading {name}…</source>
            <translation>Leyendo {name}…</translation>
        </message>
        <message>
            <source>Choose or drop a CSV or JSONL file of input rows.</source>
            <translation>Elige o suelta un archivo CSV o JSONL con filas de entradas.</translation>
        </message>
        <message>
            <source>No row of {name} can be sent: each one has a problem (shown in the table).</source>
            <translation>No se puede enviar ninguna fila de {name}: todas tienen algún problema (se muestra en la tabla).</translation>
        </message>
        <message>
            <source>Import {name}</source>
            <translation>Importar {name}</translation>
        </message>
        <message>
            <source>The file</source>
            <translation>El archivo</translation>
        </message>
        <message>
            <source>{name} could not be read: {exc}</source>
            <translation>No se pudo leer {name}: {exc}</translation>
        </message>
        <message>
            <source>Import input rows</source>
            <translation>Importar filas de entradas</translation>
        </message>
        <message>
            <source>{name}: this file cannot be used.</source>
            <translation>{name}: no se puede usar este archivo.</translation>
        </message>
        <message numerus="yes">
            <source>{name} — %n row(s) read.</source>
            <translation>
                <numerusform>{name} — %n fila leída.</numerusform>
                <numerusform>{name} — %n filas leídas.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n row(s) will run</source>
            <translation>
                <numerusform>Se ejecutará %n fila</numerusform>
                <numerusform>Se ejecutarán %n filas</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n row(s) with problems will be skipped (highlighted)</source>
            <translation>
                <numerusform>Se omitirá %n fila con problemas (resaltada)</numerusform>
                <numerusform>Se omitirán %n filas con problemas (resaltadas)</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>InputsPage</name>
        <message>
            <source>Inputs</source>
            <translation>Entradas</translation>
        </message>
        <message>
            <source>Advanced settings ({advanced_count})</source>
            <translation>Ajustes avanzados ({advanced_count})</translation>
        </message>
        <message>
            <source>This workflow takes no inputs.</source>
            <translation>Este flujo de trabajo no tiene entradas.</translation>
        </message>
        <message>
            <source>Discard them</source>
            <translation>Descartarlas</translation>
        </message>
        <message>
            <source>* required</source>
            <translation>* obligatoria</translation>
        </message>
    </context>
    <context>
        <name>JsonField</name>
        <message>
            <source>JSON, e.g. {"key": "value"} or [1, 2]</source>
            <translation>JSON, p. ej., {"key": "value"} o [1, 2]</translation>
        </message>
        <message>
            <source>{title} is not valid JSON: {msg} (line {lineno}, column {colno}).</source>
            <translation>{title} no es JSON válido: {msg} (línea {lineno}, columna {colno}).</translation>
        </message>
        <message>
            <source>{title} is nested too deeply.</source>
            <translation>{title} está anidado demasiado profundamente.</translation>
        </message>
    </context>
    <context>
        <name>JsonPage</name>
        <message>
            <source>The same inputs as JSON. Edits here change the form, and edits in the form show here.</source>
            <translation>Las mismas entradas en JSON. Lo que edites aquí cambia el formulario, y lo que edites en el formulario aparece aquí.</translation>
        </message>
        <message>
            <source>Inputs as JSON</source>
            <translation>Entradas en JSON</translation>
        </message>
        <message>
            <source>Show the form's values again</source>
            <translation>Volver a mostrar los valores del formulario</translation>
        </message>
    </context>
    <context>
        <name>KeyEntry</name>
        <message>
            <source>API key</source>
            <translation>Clave de API</translation>
        </message>
        <message>
            <source>Paste your Fizzly API key. It is hidden as you type.</source>
            <translation>Pega tu clave de API de Fizzly. Se oculta mientras escribes.</translation>
        </message>
        <message>
            <source>Show</source>
            <translation>Mostrar</translation>
        </message>
        <message>
            <source>Show key</source>
            <translation>Mostrar clave</translation>
        </message>
        <message>
            <source>Show the key as plain text</source>
            <translation>Mostrar la clave como texto sin ocultar</translation>
        </message>
        <message>
            <source>Key warning</source>
            <translation>Aviso sobre la clave</translation>
        </message>
        <message>
            <source>Hide</source>
            <translation>Ocultar</translation>
        </message>
        <message>
            <source>Hide key</source>
            <translation>Ocultar clave</translation>
        </message>
        <message>
            <source>Hide the key again</source>
            <translation>Volver a ocultar la clave</translation>
        </message>
    </context>
    <context>
        <name>KeySection</name>
        <message>
            <source>Key status</source>
            <translation>Estado de la clave</translation>
        </message>
        <message>
            <source>&amp;Set key…</source>
            <translation>&amp;Establecer clave…</translation>
        </message>
        <message>
            <source>Set the API key</source>
            <translation>Establecer la clave de API</translation>
        </message>
        <message>
            <source>Remo&amp;ve key</source>
            <translation>&amp;Quitar clave</translation>
        </message>
        <message>
            <source>Remove the API key</source>
            <translation>Quitar la clave de API</translation>
        </message>
        <message>
            <source>&amp;Verify</source>
            <translation>&amp;Verificar</translation>
        </message>
        <message>
            <source>Check the key with the service</source>
            <translation>Comprobar la clave con el servicio</translation>
        </message>
        <message>
            <source>Checking the key</source>
            <translation>Comprobando la clave</translation>
        </message>
        <message>
            <source>Key check result</source>
            <translation>Resultado de la comprobación de la clave</translation>
        </message>
        <message>
            <source>Save key</source>
            <translation>Guardar clave</translation>
        </message>
        <message>
            <source>Save the key in the keyring</source>
            <translation>Guardar la clave en el llavero</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Cancelar</translation>
        </message>
        <message>
            <source>Cancel entering a key</source>
            <translation>Cancelar la introducción de la clave</translation>
        </message>
        <message>
            <source>Keyring problem</source>
            <translation>Problema con el llavero</translation>
        </message>
        <message>
            <source>Keep for this session only</source>
            <translation>Conservar solo durante esta sesión</translation>
        </message>
        <message>
            <source>Keep the key in memory until the app quits, without saving it</source>
            <translation>Mantener la clave en memoria hasta que se cierre la aplicación, sin guardarla</translation>
        </message>
        <message>
            <source>Paste the API key from your account settings:</source>
            <translation>Pega la clave de API de los ajustes de tu cuenta:</translation>
        </message>
        <message>
            <source>Re&amp;place key…</source>
            <translation>Reem&amp;plazar clave…</translation>
        </message>
        <message>
            <source>Replace the API key</source>
            <translation>Reemplazar la clave de API</translation>
        </message>
        <message>
            <source>The key of “{name}” was removed.</source>
            <translation>Se quitó la clave de «{name}».</translation>
        </message>
        <message>
            <source>Checking…</source>
            <translation>Comprobando…</translation>
        </message>
        <message>
            <source>There is no key to check. Set a key first.</source>
            <translation>No hay ninguna clave que comprobar. Establece una clave primero.</translation>
        </message>
        <message>
            <source>Remove the API key of “{name}”? You can set it again later.</source>
            <translation>¿Quitar la clave de API de «{name}»? Puedes volver a establecerla más tarde.</translation>
        </message>
        <message>
            <source>Remove key</source>
            <translation>Quitar clave</translation>
        </message>
    </context>
    <context>
        <name>LanguageMenu</name>
        <message>
            <source>&amp;Language</source>
            <translation>&amp;Idioma</translation>
        </message>
        <message>
            <source>System Default</source>
            <translation>Predeterminado del sistema</translation>
        </message>
        <message>
            <source>The language changes the next time you start {app}.</source>
            <translation>El idioma cambiará la próxima vez que inicies {app}.</translation>
        </message>
    </context>
    <context>
        <name>LibraryMenu</name>
        <message>
            <source>Rename…</source>
            <translation>Cambiar nombre…</translation>
        </message>
        <message>
            <source>Ask the server for its inputs again</source>
            <translation>Volver a preguntar al servidor por sus entradas</translation>
        </message>
        <message>
            <source>Import a schema file…</source>
            <translation>Importar un archivo de esquema…</translation>
        </message>
        <message>
            <source>Use an example of inputs…</source>
            <translation>Usar un ejemplo de entradas…</translation>
        </message>
        <message>
            <source>Remove from library</source>
            <translation>Quitar de la biblioteca</translation>
        </message>
        <message>
            <source>{display_name}: inputs from {name}.</source>
            <translation>{display_name}: entradas de {name}.</translation>
        </message>
        <message>
            <source>{display_name}: inputs inferred from your example.</source>
            <translation>{display_name}: entradas deducidas de tu ejemplo.</translation>
        </message>
    </context>
    <context>
        <name>LibraryPresenter</name>
        <message>
            <source>The history is not open yet; try again in a moment.</source>
            <extracomment>Deletions that can still be undone, newest last, each with its expiry timer.</extracomment>
            <translation>El historial aún no está abierto; inténtalo de nuevo en un momento.</translation>
        </message>
        <message>
            <source>Attached {request_id}: it is followed like your runs.</source>
            <translation>Asociada {request_id}: se sigue como tus ejecuciones.</translation>
        </message>
        <message>
            <source>seed {seed}</source>
            <translation>semilla {seed}</translation>
        </message>
        <message>
            <source>Delete runs</source>
            <translation>Eliminar ejecuciones</translation>
        </message>
        <message>
            <source>Nothing to clear: every finished run is starred, or none has finished.</source>
            <translation>Nada que borrar: todas las ejecuciones terminadas están destacadas, o ninguna ha terminado.</translation>
        </message>
        <message>
            <source>Clear history</source>
            <translation>Borrar historial</translation>
        </message>
        <message>
            <source>These runs are still on their way: cancel them first to delete them.</source>
            <translation>Estas ejecuciones aún están en curso: cancélalas primero para eliminarlas.</translation>
        </message>
        <message>
            <source>{plural} could not be put back. They are in {folder}; move them back by hand if you need them.</source>
            <translation>No se pudieron restaurar {plural}. Están en {folder}; muévelas de vuelta a mano si las necesitas.</translation>
        </message>
        <message>
            <source>Brought back {plural}.</source>
            <translation>Se han recuperado {plural}.</translation>
        </message>
    </context>
    <context>
        <name>LineField</name>
        <message>
            <source>Must match {pattern}</source>
            <translation>Debe coincidir con {pattern}</translation>
        </message>
        <message>
            <source>Show</source>
            <translation>Mostrar</translation>
        </message>
        <message>
            <source>Hide</source>
            <translation>Ocultar</translation>
        </message>
    </context>
    <context>
        <name>ListField</name>
        <message>
            <source>Add</source>
            <translation>Añadir</translation>
        </message>
        <message>
            <source>Remove</source>
            <translation>Quitar</translation>
        </message>
        <message>
            <source>a whole number</source>
            <translation>un número entero</translation>
        </message>
        <message>
            <source>a number</source>
            <translation>un número</translation>
        </message>
        <message>
            <source>{title} item {value} must be {kind}.</source>
            <translation>{title}, elemento {value}, debe ser {kind}.</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <source>Profile</source>
            <extracomment>Asked before the window closes; False keeps it open (the guard then asks the user).</extracomment>
            <translation>Perfil</translation>
        </message>
        <message>
            <source>Active profile</source>
            <translation>Perfil activo</translation>
        </message>
        <message>
            <source>Manage profiles and API keys</source>
            <translation>Gestionar perfiles y claves de API</translation>
        </message>
        <message>
            <source>Manage profiles</source>
            <translation>Gestionar perfiles</translation>
        </message>
        <message>
            <source>Runs</source>
            <translation>Ejecuciones</translation>
        </message>
        <message>
            <source>Queue</source>
            <translation>Cola</translation>
        </message>
        <message>
            <source>Gallery</source>
            <translation>Galería</translation>
        </message>
        <message>
            <source>&amp;File</source>
            <extracomment>The menus, by their English titles (translated where added).</extracomment>
            <translation>&amp;Archivo</translation>
        </message>
        <message>
            <source>&amp;Run</source>
            <translation>&amp;Ejecución</translation>
        </message>
        <message>
            <source>&amp;View</source>
            <translation>&amp;Ver</translation>
        </message>
        <message>
            <source>&amp;Help</source>
            <translation>A&amp;yuda</translation>
        </message>
        <message>
            <source>Queue and Gallery</source>
            <translation>Cola y galería</translation>
        </message>
        <message>
            <source>&amp;Profiles and API Keys…</source>
            <translation>&amp;Perfiles y claves de API…</translation>
        </message>
        <message>
            <source>&amp;Add Workflow…</source>
            <translation>&amp;Añadir flujo de trabajo…</translation>
        </message>
        <message>
            <source>&amp;Import Inputs from CSV or JSONL…</source>
            <translation>&amp;Importar entradas desde CSV o JSONL…</translation>
        </message>
        <message>
            <source>Choose &amp;Outputs Folder…</source>
            <translation>Elegir la carpeta de &amp;resultados…</translation>
        </message>
        <message>
            <source>&amp;Largest Output File…</source>
            <translation>Archivo de resultado más &amp;grande…</translation>
        </message>
        <message>
            <source>&amp;Quit</source>
            <translation>&amp;Salir</translation>
        </message>
        <message>
            <source>&amp;Build Batch…</source>
            <translation>&amp;Crear lote…</translation>
        </message>
        <message>
            <source>&amp;Pause Sending</source>
            <translation>&amp;Pausar el envío</translation>
        </message>
        <message>
            <source>&amp;Queue</source>
            <translation>&amp;Cola</translation>
        </message>
        <message>
            <source>&amp;Gallery</source>
            <translation>&amp;Galería</translation>
        </message>
        <message>
            <source>&amp;Filter Runs</source>
            <translation>&amp;Filtrar ejecuciones</translation>
        </message>
        <message>
            <source>&amp;Next Pane</source>
            <translation>Panel &amp;siguiente</translation>
        </message>
        <message>
            <source>P&amp;revious Pane</source>
            <translation>Panel &amp;anterior</translation>
        </message>
        <message>
            <source>Open &amp;Log Folder</source>
            <translation>Abrir la carpeta de &amp;registros</translation>
        </message>
        <message>
            <source>&amp;About {APP_NAME}</source>
            <translation>&amp;Acerca de {APP_NAME}</translation>
        </message>
        <message>
            <source>{APP_NAME} — {active} on the server, {queued} not sent yet</source>
            <translation>{APP_NAME} — {active} en el servidor, {queued} sin enviar aún</translation>
        </message>
    </context>
    <context>
        <name>Media</name>
        <message>
            <source>Image</source>
            <translation>Imagen</translation>
        </message>
        <message>
            <source>Video</source>
            <translation>Vídeo</translation>
        </message>
        <message>
            <source>Audio</source>
            <translation>Audio</translation>
        </message>
        <message>
            <source>3D model</source>
            <translation>Modelo 3D</translation>
        </message>
        <message>
            <source>File</source>
            <translation>Archivo</translation>
        </message>
    </context>
    <context>
        <name>MediaPanel</name>
        <message>
            <source>Output preview</source>
            <extracomment>Side of the preview drawn of a 3D model on its card.</extracomment>
            <translation>Vista previa del resultado</translation>
        </message>
        <message>
            <source>Download progress</source>
            <translation>Progreso de la descarga</translation>
        </message>
        <message>
            <source>Raise the Limit…</source>
            <translation>Subir el límite…</translation>
        </message>
        <message>
            <source>Not saved: {error}</source>
            <translation>No guardado: {error}</translation>
        </message>
        <message>
            <source>Not saved: {error}. Raise the limit (File ▸ Largest Output File…), then run it again to keep it.</source>
            <translation>No guardado: {error}. Sube el límite (Archivo ▸ Archivo de resultado más grande…) y vuelve a ejecutarla para conservarlo.</translation>
        </message>
        <message>
            <source>Not saved yet</source>
            <translation>Aún no guardado</translation>
        </message>
    </context>
    <context>
        <name>MediaPlayerView</name>
        <message>
            <source>Player</source>
            <extracomment>The frame step when the file does not say its frame rate.</extracomment>
            <translation>Reproductor</translation>
        </message>
        <message>
            <source>Video</source>
            <translation>Vídeo</translation>
        </message>
        <message>
            <source>Waveform</source>
            <translation>Forma de onda</translation>
        </message>
        <message>
            <source>Play</source>
            <translation>Reproducir</translation>
        </message>
        <message>
            <source>Play or pause (Space)</source>
            <translation>Reproducir o pausar (Espacio)</translation>
        </message>
        <message>
            <source>One frame back (,)</source>
            <translation>Un fotograma atrás (,)</translation>
        </message>
        <message>
            <source>One frame forward (.)</source>
            <translation>Un fotograma adelante (.)</translation>
        </message>
        <message>
            <source>Loop</source>
            <translation>Repetir</translation>
        </message>
        <message>
            <source>Play again from the start</source>
            <translation>Volver a reproducir desde el principio</translation>
        </message>
        <message>
            <source>Mute</source>
            <translation>Silenciar</translation>
        </message>
        <message>
            <source>Mute the sound</source>
            <translation>Silenciar el sonido</translation>
        </message>
        <message>
            <source>Position</source>
            <translation>Posición</translation>
        </message>
        <message>
            <source>Time</source>
            <translation>Tiempo</translation>
        </message>
        <message>
            <source>Resolution</source>
            <translation>Resolución</translation>
        </message>
        <message>
            <source>Pause</source>
            <translation>Pausa</translation>
        </message>
        <message>
            <source>This file cannot be played; it may be damaged or in a format this computer cannot decode. Save it and open it in another app.</source>
            <translation>Este archivo no se puede reproducir; puede estar dañado o en un formato que este ordenador no sabe decodificar. Guárdalo y ábrelo en otra aplicación.</translation>
        </message>
        <message>
            <source>This file cannot be played: {value}.</source>
            <translation>Este archivo no se puede reproducir: {value}.</translation>
        </message>
    </context>
    <context>
        <name>Model</name>
        <message>
            <source>{width} × {height} px</source>
            <translation>{width} × {height} px</translation>
        </message>
        <message>
            <source>Not saved: {error}</source>
            <translation>No guardado: {error}</translation>
        </message>
    </context>
    <context>
        <name>NodeTimeline</name>
        <message>
            <source>Node timeline</source>
            <extracomment>One timeline row as shown: node, mark, status word, start time, duration, is the current node.</extracomment>
            <translation>Cronología de nodos</translation>
        </message>
        <message>
            <source>Node</source>
            <translation>Nodo</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Estado</translation>
        </message>
        <message>
            <source>Started</source>
            <translation>Inicio</translation>
        </message>
        <message>
            <source>Duration</source>
            <translation>Duración</translation>
        </message>
        <message>
            <source>Stopped</source>
            <translation>Detenido</translation>
        </message>
        <message>
            <source>Unknown</source>
            <translation>Desconocido</translation>
        </message>
    </context>
    <context>
        <name>NumberField</name>
        <message>
            <source>{title} slider</source>
            <translation>Control deslizante de {title}</translation>
        </message>
        <message>
            <source>{number} or more</source>
            <translation>{number} o más</translation>
        </message>
        <message>
            <source>up to {number}</source>
            <translation>hasta {number}</translation>
        </message>
        <message>
            <source>whole number</source>
            <translation>número entero</translation>
        </message>
        <message>
            <source>a whole number</source>
            <translation>un número entero</translation>
        </message>
        <message>
            <source>a number</source>
            <translation>un número</translation>
        </message>
        <message>
            <source>{title} must be {kind}.</source>
            <translation>{title} debe ser {kind}.</translation>
        </message>
    </context>
    <context>
        <name>ObjectListField</name>
        <message>
            <source>Add {in_sentence}</source>
            <translation>Añadir {in_sentence}</translation>
        </message>
        <message>
            <source>Move up</source>
            <translation>Subir</translation>
        </message>
        <message>
            <source>Move down</source>
            <translation>Bajar</translation>
        </message>
        <message>
            <source>Remove</source>
            <translation>Quitar</translation>
        </message>
    </context>
    <context>
        <name>OutputActions</name>
        <message>
            <source>Save output as</source>
            <translation>Guardar resultado como</translation>
        </message>
        <message>
            <source>Could not save {name}: {reason}. Choose another folder.</source>
            <translation>No se pudo guardar {name}: {reason}. Elige otra carpeta.</translation>
        </message>
        <message>
            <source>Saved {name} in {parent}</source>
            <translation>{name} guardado en {parent}</translation>
        </message>
        <message>
            <source>{name} could not be read, so nothing was copied.</source>
            <translation>No se pudo leer {name}, así que no se copió nada.</translation>
        </message>
        <message>
            <source>Copied the image {name}</source>
            <translation>Se copió la imagen {name}</translation>
        </message>
        <message>
            <source>Select outputs that were saved to export them.</source>
            <translation>Selecciona resultados guardados para exportarlos.</translation>
        </message>
        <message numerus="yes">
            <source>%n image(s)</source>
            <translation>
                <numerusform>%n imagen</numerusform>
                <numerusform>%n imágenes</numerusform>
            </translation>
        </message>
        <message>
            <source>Export {noun} to</source>
            <translation>Exportar {noun} a</translation>
        </message>
    </context>
    <context>
        <name>OutputItems</name>
        <message>
            <source>Downloading · {size} of {size2}</source>
            <translation>Descargando · {size} de {size2}</translation>
        </message>
        <message>
            <source>Downloading · {size}</source>
            <translation>Descargando · {size}</translation>
        </message>
    </context>
    <context>
        <name>OutputTileDelegate</name>
        <message>
            <source>Not saved: {error}</source>
            <extracomment>Memory kept for tiles ready to paint (scaled, rounded thumbnails): a few screens. Tiles painted within the last ``KEEP_RECENT_S`` stay even past it (they are on screen). An output's mark ("star", "reject" or None), set by the library presenter.</extracomment>
            <translation>No guardado: {error}</translation>
        </message>
        <message>
            <source>Not saved yet</source>
            <translation>Aún no guardado</translation>
        </message>
        <message>
            <source>Can't show this image</source>
            <translation>No se puede mostrar esta imagen</translation>
        </message>
        <message>
            <source>JSON</source>
            <translation>JSON</translation>
        </message>
    </context>
    <context>
        <name>OutputsPresenter</name>
        <message>
            <source>the list of their inputs could not be written ({strerror})</source>
            <extracomment>Where the chosen outputs folder is remembered in the window's settings. The largest output file downloaded, in MB (File ▸ Largest Output File…). How long a notice about saving or exporting stays in the status bar. The app's thumbnail loader (set by the controller): waveforms and mesh pictures in the large preview. The window playing a sweep's row or column together, once opened. The question "move or copy what is saved?" while it is open.</extracomment>
            <translation>no se pudo escribir la lista de sus entradas ({strerror})</translation>
        </message>
        <message>
            <source>their inputs are listed in {name} (import it to run them again)</source>
            <translation>sus entradas figuran en {name} (impórtalo para volver a ejecutarlas)</translation>
        </message>
        <message>
            <source>These runs have no video or sound to play.</source>
            <translation>Estas ejecuciones no tienen vídeo ni sonido que reproducir.</translation>
        </message>
        <message>
            <source>This run has no saved outputs yet.</source>
            <translation>Esta ejecución aún no tiene resultados guardados.</translation>
        </message>
        <message>
            <source>Largest output file</source>
            <translation>Archivo de resultado más grande</translation>
        </message>
        <message>
            <source>Output files larger than this are not downloaded (MB). A minute of HD video is about 100 MB:</source>
            <translation>Los archivos de resultado más grandes no se descargan (MB). Un minuto de vídeo HD ocupa unos 100 MB:</translation>
        </message>
        <message>
            <source>Output files up to {megabytes} MB are downloaded from now on.</source>
            <translation>A partir de ahora se descargan los archivos de resultado de hasta {megabytes} MB.</translation>
        </message>
        <message>
            <source>Save output images in</source>
            <translation>Guardar las imágenes resultantes en</translation>
        </message>
        <message>
            <source>New outputs will be saved in {new}</source>
            <translation>Los nuevos resultados se guardarán en {new}</translation>
        </message>
        <message>
            <source>Outputs folder changed</source>
            <translation>Carpeta de resultados cambiada</translation>
        </message>
        <message>
            <source>New outputs will be saved in {new}.

{describe} saved so far are in {base}. Move them to the new folder, copy them there, or leave them where they are? The history follows them either way.</source>
            <translation>Los nuevos resultados se guardarán en {new}.

{describe} guardados hasta ahora están en {base}. ¿Moverlos a la carpeta nueva, copiarlos allí o dejarlos donde están? El historial los seguirá en cualquier caso.</translation>
        </message>
        <message>
            <source>Move</source>
            <translation>Mover</translation>
        </message>
        <message>
            <source>Copy</source>
            <translation>Copiar</translation>
        </message>
        <message>
            <source>Leave them</source>
            <translation>Dejarlos</translation>
        </message>
        <message>
            <source>Moving</source>
            <translation>Moviendo</translation>
        </message>
        <message>
            <source>Copying</source>
            <translation>Copiando</translation>
        </message>
        <message>
            <source>{verb} {describe} to {new}…</source>
            <translation>{verb} {describe} a {new}…</translation>
        </message>
        <message numerus="yes">
            <source>%n image(s) moved to {new}</source>
            <translation>
                <numerusform>%n imagen movida a {new}</numerusform>
                <numerusform>%n imágenes movidas a {new}</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n image(s) copied to {new}</source>
            <translation>
                <numerusform>%n imagen copiada a {new}</numerusform>
                <numerusform>%n imágenes copiadas a {new}</numerusform>
            </translation>
        </message>
        <message>
            <source>; {failed} left in {base} ({name}: {reason})</source>
            <translation>; {failed} se quedaron en {base} ({name}: {reason})</translation>
        </message>
    </context>
    <context>
        <name>OutputsStrip</name>
        <message>
            <source>No outputs yet.</source>
            <translation>Aún no hay resultados.</translation>
        </message>
        <message>
            <source>Run outputs</source>
            <translation>Resultados de la ejecución</translation>
        </message>
        <message>
            <source>Output images</source>
            <translation>Imágenes resultantes</translation>
        </message>
        <message>
            <source>Open</source>
            <extracomment>The chosen video or sound (in a player) or 3D or other file (as a card).</extracomment>
            <translation>Abrir</translation>
        </message>
        <message>
            <source>Open containing folder</source>
            <translation>Abrir la carpeta contenedora</translation>
        </message>
        <message>
            <source>Save as…</source>
            <translation>Guardar como…</translation>
        </message>
        <message>
            <source>Copy image</source>
            <translation>Copiar imagen</translation>
        </message>
        <message>
            <source>Outputs message</source>
            <translation>Mensaje de resultados</translation>
        </message>
    </context>
    <context>
        <name>PlayTogetherWindow</name>
        <message>
            <source>Play Together</source>
            <translation>Reproducir a la vez</translation>
        </message>
        <message>
            <source>Play All</source>
            <translation>Reproducir todo</translation>
        </message>
        <message>
            <source>Pause All</source>
            <translation>Pausar todo</translation>
        </message>
        <message>
            <source>Restart All</source>
            <translation>Reiniciar todo</translation>
        </message>
        <message>
            <source>Loop</source>
            <translation>Repetir</translation>
        </message>
    </context>
    <context>
        <name>PresetBar</name>
        <message>
            <source>Presets…</source>
            <translation>Ajustes guardados…</translation>
        </message>
        <message>
            <source>Presets</source>
            <translation>Ajustes guardados</translation>
        </message>
        <message>
            <source>Save as preset…</source>
            <translation>Guardar como ajuste…</translation>
        </message>
        <message>
            <source>Delete</source>
            <translation>Eliminar</translation>
        </message>
        <message>
            <source>Delete the chosen preset</source>
            <translation>Eliminar el ajuste elegido</translation>
        </message>
        <message>
            <source>Preset:</source>
            <translation>Ajuste:</translation>
        </message>
        <message>
            <source>Save preset</source>
            <translation>Guardar ajuste</translation>
        </message>
        <message>
            <source>Name of the preset:</source>
            <translation>Nombre del ajuste:</translation>
        </message>
        <message>
            <source>Delete preset</source>
            <translation>Eliminar ajuste</translation>
        </message>
        <message>
            <source>Delete the preset “{name}”?</source>
            <translation>¿Eliminar el ajuste «{name}»?</translation>
        </message>
    </context>
    <context>
        <name>Preview</name>
        <message>
            <source>… and {value} more</source>
            <translation>… y {value} más</translation>
        </message>
        <message>
            <source>Run {value}</source>
            <translation>Ejecución {value}</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Estado</translation>
        </message>
        <message>
            <source>✗ Skipped: {problem}</source>
            <translation>✗ Omitida: {problem}</translation>
        </message>
        <message>
            <source>✓ Will run</source>
            <translation>✓ Se ejecutará</translation>
        </message>
        <message>
            <source>From the form: {value}</source>
            <translation>Del formulario: {value}</translation>
        </message>
        <message>
            <source>Credits: unknown until the first run of this workflow finishes.</source>
            <translation>Créditos: desconocidos hasta que termine la primera ejecución de este flujo de trabajo.</translation>
        </message>
        <message>
            <source>It will use about {plural_credits}.</source>
            <translation>Usará unos {plural_credits}.</translation>
        </message>
        <message>
            <source>Queue {runs} runs?</source>
            <translation>¿Encolar {runs} ejecuciones?</translation>
        </message>
        <message>
            <source>This batch makes {runs} runs of {workflow_name}.

{credits}
The rate limit makes it take {duration}.

Queue them?</source>
            <translation>Este lote crea {runs} ejecuciones de {workflow_name}.

{credits}
El límite de peticiones hace que tarde {duration}.

¿Encolarlas?</translation>
        </message>
    </context>
    <context>
        <name>ProblemBox</name>
        <message>
            <source>Why the workflows cannot be used</source>
            <translation>Por qué no se pueden usar los flujos de trabajo</translation>
        </message>
    </context>
    <context>
        <name>ProfileForm</name>
        <message>
            <source>Profile name</source>
            <translation>Nombre del perfil</translation>
        </message>
        <message>
            <source>&amp;Name:</source>
            <translation>&amp;Nombre:</translation>
        </message>
        <message>
            <source>API address</source>
            <translation>Dirección de la API</translation>
        </message>
        <message>
            <source>API &amp;address:</source>
            <translation>&amp;Dirección de la API:</translation>
        </message>
        <message>
            <source>Problem</source>
            <translation>Problema</translation>
        </message>
    </context>
    <context>
        <name>ProfileList</name>
        <message>
            <source>Profiles</source>
            <translation>Perfiles</translation>
        </message>
        <message>
            <source>The active profile</source>
            <translation>El perfil activo</translation>
        </message>
    </context>
    <context>
        <name>ProfilesDialog</name>
        <message>
            <source>Profiles</source>
            <translation>Perfiles</translation>
        </message>
        <message>
            <source>&amp;Add…</source>
            <translation>&amp;Añadir…</translation>
        </message>
        <message>
            <source>Add a profile</source>
            <translation>Añadir un perfil</translation>
        </message>
        <message>
            <source>&amp;Rename…</source>
            <translation>&amp;Cambiar nombre…</translation>
        </message>
        <message>
            <source>Rename the selected profile</source>
            <translation>Cambiar el nombre del perfil seleccionado</translation>
        </message>
        <message>
            <source>&amp;Delete…</source>
            <translation>&amp;Eliminar…</translation>
        </message>
        <message>
            <source>Delete the selected profile and its key</source>
            <translation>Eliminar el perfil seleccionado y su clave</translation>
        </message>
        <message>
            <source>Profile name</source>
            <translation>Nombre del perfil</translation>
        </message>
        <message>
            <source>Active profile</source>
            <translation>Perfil activo</translation>
        </message>
        <message>
            <source>&amp;Make active</source>
            <translation>&amp;Activar</translation>
        </message>
        <message>
            <source>Make this the active profile</source>
            <translation>Hacer que este sea el perfil activo</translation>
        </message>
        <message>
            <source>API address</source>
            <translation>Dirección de la API</translation>
        </message>
        <message>
            <source>Change…</source>
            <translation>Cambiar…</translation>
        </message>
        <message>
            <source>Change the API address</source>
            <translation>Cambiar la dirección de la API</translation>
        </message>
        <message>
            <source>Message</source>
            <translation>Mensaje</translation>
        </message>
        <message>
            <source>API key</source>
            <translation>Clave de API</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>Cerrar</translation>
        </message>
        <message>
            <source>The sandbox started by the app on this computer</source>
            <translation>El sandbox que la aplicación inicia en este ordenador</translation>
        </message>
        <message>
            <source>Added “{name}”. Set its API key next.</source>
            <extracomment>What the dialog says after each change, by change (translated where said).</extracomment>
            <translation>Se añadió «{name}». Ahora establece su clave de API.</translation>
        </message>
        <message>
            <source>Renamed “{name}” to “{new_name}”.</source>
            <translation>«{name}» ahora se llama «{new_name}».</translation>
        </message>
        <message>
            <source>Select a profile first.</source>
            <translation>Selecciona primero un perfil.</translation>
        </message>
        <message>
            <source>“{name}” now uses {base_url}.</source>
            <translation>«{name}» usa ahora {base_url}.</translation>
        </message>
        <message>
            <source>“{name}” is now the active profile.</source>
            <translation>«{name}» es ahora el perfil activo.</translation>
        </message>
        <message>
            <source>“{name}” was not deleted, because its key could not be removed from the keyring. {user_message}</source>
            <translation>«{name}» no se eliminó porque su clave no se pudo quitar del llavero. {user_message}</translation>
        </message>
        <message>
            <source>Deleted “{name}” and removed its key.</source>
            <translation>Se eliminó «{name}» y se quitó su clave.</translation>
        </message>
        <message>
            <source>Delete the profile “{name}”? Its API key is removed from your keyring. Runs already in your history are kept.</source>
            <translation>¿Eliminar el perfil «{name}»? Su clave de API se quita de tu llavero. Las ejecuciones que ya están en tu historial se conservan.</translation>
        </message>
        <message>
            <source>Delete profile</source>
            <translation>Eliminar perfil</translation>
        </message>
    </context>
    <context>
        <name>ProfilesPresenter</name>
        <message>
            <source>There is no profile named “{profile}”.</source>
            <translation>No hay ningún perfil llamado «{profile}».</translation>
        </message>
        <message>
            <source>The local sandbox did not start; see Help ▸ Open Log Folder.</source>
            <translation>El sandbox local no se inició; consulta Ayuda ▸ Abrir la carpeta de registros.</translation>
        </message>
        <message>
            <source>“{name}” has no API key yet. Add the key from your Fizzly account settings to see its workflows and run them.</source>
            <translation>«{name}» aún no tiene clave de API. Añade la clave de los ajustes de tu cuenta de Fizzly para ver sus flujos de trabajo y ejecutarlos.</translation>
        </message>
        <message>
            <source>Add API Key…</source>
            <translation>Añadir clave de API…</translation>
        </message>
        <message>
            <source>key {fingerprint}</source>
            <translation>clave {fingerprint}</translation>
        </message>
        <message>
            <source>Can't reach the server. {message}</source>
            <translation>No se puede conectar con el servidor. {message}</translation>
        </message>
        <message>
            <source>Try again</source>
            <translation>Reintentar</translation>
        </message>
        <message>
            <source>Key rejected: open Profiles to replace it.
{message}</source>
            <translation>Clave rechazada: abre Perfiles para reemplazarla.
{message}</translation>
        </message>
        <message>
            <source>Open Profiles…</source>
            <translation>Abrir Perfiles…</translation>
        </message>
    </context>
    <context>
        <name>Prompts</name>
        <message>
            <source>Rename workflow</source>
            <translation>Cambiar nombre del flujo de trabajo</translation>
        </message>
        <message>
            <source>Name:</source>
            <translation>Nombre:</translation>
        </message>
        <message>
            <source>Import a schema</source>
            <translation>Importar un esquema</translation>
        </message>
        <message>
            <source>JSON files (*.json);;All files (*)</source>
            <translation>Archivos JSON (*.json);;Todos los archivos (*)</translation>
        </message>
        <message>
            <source>Use an example of inputs</source>
            <translation>Usar un ejemplo de entradas</translation>
        </message>
        <message>
            <source>Paste an example of the inputs as JSON; the fields are inferred from it:</source>
            <translation>Pega un ejemplo de las entradas en JSON; los campos se deducen de él:</translation>
        </message>
        <message>
            <source>Remove workflow</source>
            <translation>Quitar flujo de trabajo</translation>
        </message>
        <message>
            <source>Remove “{display_name}” ({ref}) and its presets from your library? Past runs stay in the history.</source>
            <translation>¿Quitar «{display_name}» ({ref}) y sus ajustes guardados de tu biblioteca? Las ejecuciones anteriores se quedan en el historial.</translation>
        </message>
        <message>
            <source>Add profile</source>
            <translation>Añadir perfil</translation>
        </message>
        <message>
            <source>Rename profile</source>
            <translation>Cambiar nombre del perfil</translation>
        </message>
        <message>
            <source>Change API address</source>
            <translation>Cambiar la dirección de la API</translation>
        </message>
    </context>
    <context>
        <name>QueuePresenter</name>
        <message>
            <source>Remove from history</source>
            <translation>Quitar del historial</translation>
        </message>
        <message numerus="yes">
            <source>Remove %n finished run(s) from the history? Their saved images stay on disk.</source>
            <translation>
                <numerusform>¿Quitar %n ejecución terminada del historial? Sus imágenes guardadas se quedan en el disco.</numerusform>
                <numerusform>¿Quitar %n ejecuciones terminadas del historial? Sus imágenes guardadas se quedan en el disco.</numerusform>
            </translation>
        </message>
        <message>
            <source>Only runs still waiting in a batch can be moved, within the waiting ones.</source>
            <translation>Solo se pueden mover las ejecuciones que aún esperan en un lote, entre las que esperan.</translation>
        </message>
    </context>
    <context>
        <name>QueueView</name>
        <message>
            <source>All runs</source>
            <extracomment>The choices of the marks filter beside the search: (words, filter value).</extracomment>
            <translation>Todas las ejecuciones</translation>
        </message>
        <message>
            <source>Starred</source>
            <translation>Destacados</translation>
        </message>
        <message>
            <source>Not rejected</source>
            <translation>No descartados</translation>
        </message>
        <message>
            <source>Rejected</source>
            <translation>Descartados</translation>
        </message>
        <message>
            <source>Search prompts, inputs, workflow, state, request ID, error</source>
            <translation>Buscar en prompts, entradas, flujo de trabajo, estado, ID de solicitud, error</translation>
        </message>
        <message>
            <source>Search runs</source>
            <translation>Buscar ejecuciones</translation>
        </message>
        <message>
            <source>Show runs by mark</source>
            <translation>Mostrar ejecuciones por marca</translation>
        </message>
        <message>
            <source>Show runs made</source>
            <translation>Mostrar ejecuciones creadas</translation>
        </message>
        <message>
            <source>Runs</source>
            <translation>Ejecuciones</translation>
        </message>
        <message>
            <source>Columns of the run table</source>
            <translation>Columnas de la tabla de ejecuciones</translation>
        </message>
        <message>
            <source>&amp;Cancel</source>
            <translation>&amp;Cancelar</translation>
        </message>
        <message>
            <source>&amp;Retry</source>
            <translation>&amp;Reintentar</translation>
        </message>
        <message>
            <source>&amp;Use These Inputs</source>
            <translation>&amp;Usar estas entradas</translation>
        </message>
        <message>
            <source>Copy Request &amp;ID</source>
            <translation>Copiar el &amp;ID de solicitud</translation>
        </message>
        <message>
            <source>Open Output &amp;Folder</source>
            <translation>Abrir la carpeta de &amp;resultados</translation>
        </message>
        <message>
            <source>Remove from &amp;History</source>
            <translation>Quitar del &amp;historial</translation>
        </message>
        <message>
            <source>&amp;Export Images…</source>
            <translation>&amp;Exportar imágenes…</translation>
        </message>
        <message>
            <source>&amp;Star</source>
            <translation>&amp;Destacar</translation>
        </message>
        <message>
            <source>Re&amp;ject</source>
            <translation>Des&amp;cartar</translation>
        </message>
        <message>
            <source>C&amp;ompare…</source>
            <translation>C&amp;omparar…</translation>
        </message>
        <message>
            <source>&amp;Delete with Files…</source>
            <translation>Eliminar con a&amp;rchivos…</translation>
        </message>
        <message>
            <source>C&amp;lear History…</source>
            <translation>&amp;Borrar historial…</translation>
        </message>
        <message>
            <source>&amp;Attach to a Run by Request ID…</source>
            <translation>&amp;Asociar a una ejecución por ID de solicitud…</translation>
        </message>
        <message>
            <source>Move &amp;Earlier</source>
            <translation>Mover &amp;antes</translation>
        </message>
        <message>
            <source>Move &amp;Later</source>
            <translation>Mover &amp;después</translation>
        </message>
        <message>
            <source>{shown} of {runs}</source>
            <translation>{shown} de {runs}</translation>
        </message>
    </context>
    <context>
        <name>QuitPresenter</name>
        <message>
            <source>Quit Fizzly Desktop?</source>
            <extracomment>The settings key of the "Don't ask again" check box.</extracomment>
            <translation>¿Salir de Fizzly Desktop?</translation>
        </message>
        <message>
            <source>Quit while runs are not finished?</source>
            <translation>¿Salir con ejecuciones sin terminar?</translation>
        </message>
        <message>
            <source>Quit</source>
            <translation>Salir</translation>
        </message>
        <message>
            <source>Keep open</source>
            <translation>Mantener abierto</translation>
        </message>
        <message>
            <source>Don't ask again</source>
            <translation>No volver a preguntar</translation>
        </message>
    </context>
    <context>
        <name>Quitting</name>
        <message numerus="yes">
            <source>%n run(s) [is|are] waiting to be sent. [It is|They are] not sent until you reopen the app.</source>
            <extracomment>Runs the server has (or is being sent): they go on without the app.</extracomment>
            <translation>
                <numerusform>%n ejecución espera a ser enviada. No se envía hasta que vuelvas a abrir la aplicación.</numerusform>
                <numerusform>%n ejecuciones esperan a ser enviadas. No se envían hasta que vuelvas a abrir la aplicación.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n run(s) [is|are] still running on the server. [It keeps|They keep] running and the app picks [it|them] up when you reopen it</source>
            <translation>
                <numerusform>%n ejecución sigue en marcha en el servidor. Continúa ejecutándose y la aplicación la recupera cuando vuelvas a abrirla</numerusform>
                <numerusform>%n ejecuciones siguen en marcha en el servidor. Continúan ejecutándose y la aplicación las recupera cuando vuelvas a abrirla</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n waiting batch run(s) [is|are] not sent</source>
            <translation>
                <numerusform>%n ejecución de lote en espera no se envía</numerusform>
                <numerusform>%n ejecuciones de lote en espera no se envían</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n waiting run(s) [is|are] not sent</source>
            <translation>
                <numerusform>%n ejecución en espera no se envía</numerusform>
                <numerusform>%n ejecuciones en espera no se envían</numerusform>
            </translation>
        </message>
        <message>
            <source>{text}; {unsent} until then.</source>
            <translation>{text}; {unsent} hasta entonces.</translation>
        </message>
    </context>
    <context>
        <name>ReorderButtons</name>
        <message>
            <source>Move up</source>
            <translation>Subir</translation>
        </message>
        <message>
            <source>Move down</source>
            <translation>Bajar</translation>
        </message>
    </context>
    <context>
        <name>RepeatTab</name>
        <message>
            <source>Number of runs</source>
            <translation>Número de ejecuciones</translation>
        </message>
        <message>
            <source>Input that takes the seed</source>
            <translation>Entrada que recibe la semilla</translation>
        </message>
        <message>
            <source>No seed: repeat the same inputs</source>
            <translation>Sin semilla: repetir las mismas entradas</translation>
        </message>
        <message>
            <source>Different ran&amp;dom seeds</source>
            <translation>Semillas aleatorias &amp;distintas</translation>
        </message>
        <message>
            <source>&amp;Count up from:</source>
            <translation>&amp;Contar a partir de:</translation>
        </message>
        <message>
            <source>First seed</source>
            <translation>Primera semilla</translation>
        </message>
        <message>
            <source>Number of r&amp;uns:</source>
            <translation>Número de e&amp;jecuciones:</translation>
        </message>
        <message>
            <source>&amp;Seed input:</source>
            <translation>Entrada de &amp;semilla:</translation>
        </message>
        <message>
            <source>Seeds:</source>
            <translation>Semillas:</translation>
        </message>
        <message>
            <source>The runs, in the order they are sent</source>
            <translation>Las ejecuciones, en el orden en que se envían</translation>
        </message>
        <message>
            <source>Runs:</source>
            <translation>Ejecuciones:</translation>
        </message>
        <message>
            <source>Every run sends the same inputs; use this for workflows whose results vary by themselves.</source>
            <translation>Cada ejecución envía las mismas entradas; úsalo con flujos de trabajo cuyos resultados varían por sí solos.</translation>
        </message>
        <message>
            <source>Repeat × {count}</source>
            <translation>Repetir × {count}</translation>
        </message>
        <message>
            <source>The first seed must be a whole number between {low} and {high}.</source>
            <translation>La primera semilla debe ser un número entero entre {low} y {high}.</translation>
        </message>
        <message>
            <source>Each run gets its own random {name} between {low} and {high}; the other inputs come from the form.</source>
            <translation>Cada ejecución recibe su propio valor aleatorio de {name} entre {low} y {high}; las demás entradas vienen del formulario.</translation>
        </message>
        <message>
            <source>{name}: {seeds}{last}, in order.</source>
            <translation>{name}: {seeds}{last}, en orden.</translation>
        </message>
    </context>
    <context>
        <name>RunDetails</name>
        <message>
            <source>Pending</source>
            <translation>Pendiente</translation>
        </message>
        <message>
            <source>Running</source>
            <translation>En ejecución</translation>
        </message>
        <message>
            <source>Done</source>
            <translation>Terminada</translation>
        </message>
        <message>
            <source>Failed</source>
            <translation>Fallida</translation>
        </message>
        <message>
            <source>Top up your credits on fizzly.ai, then retry the run.</source>
            <extracomment>Node statuses shown in their state's colour (readable on the row, in either scheme). What the user can do about an error, by the words the API's messages use.</extracomment>
            <translation>Recarga tus créditos en fizzly.ai y luego reintenta la ejecución.</translation>
        </message>
        <message>
            <source>API access needs a PRO or ULTIMATE plan; check your plan on fizzly.ai.</source>
            <translation>El acceso a la API requiere un plan PRO o ULTIMATE; revisa tu plan en fizzly.ai.</translation>
        </message>
        <message>
            <source>Open Profiles… and enter the key again (Settings on fizzly.ai lists your keys).</source>
            <translation>Abre Perfiles… e introduce la clave de nuevo (en Ajustes de fizzly.ai aparecen tus claves).</translation>
        </message>
        <message>
            <source>The app waits for the rate limit by itself; nothing to do.</source>
            <translation>La aplicación espera sola a que lo permita el límite de peticiones; no hay que hacer nada.</translation>
        </message>
    </context>
    <context>
        <name>RunDetailsPanel</name>
        <message>
            <source>Run details</source>
            <extracomment>The "Made from" link: show the run (id) whose output this run's input came from.</extracomment>
            <translation>Detalles de la ejecución</translation>
        </message>
        <message>
            <source>Select a run to see its progress, outputs and inputs.</source>
            <translation>Selecciona una ejecución para ver su progreso, resultados y entradas.</translation>
        </message>
        <message>
            <source>In queue</source>
            <translation>En cola</translation>
        </message>
        <message>
            <source>Copy request ID</source>
            <translation>Copiar ID de solicitud</translation>
        </message>
        <message>
            <source>Use these inputs</source>
            <translation>Usar estas entradas</translation>
        </message>
        <message>
            <source>A new run with the same inputs; this one stays in the list.</source>
            <translation>Una nueva ejecución con las mismas entradas; esta se queda en la lista.</translation>
        </message>
        <message>
            <source>Ask the server once where this run is; it is followed again if the server answers.</source>
            <translation>Preguntar una vez al servidor dónde está esta ejecución; se vuelve a seguir si el servidor responde.</translation>
        </message>
        <message>
            <source>Take this run out of the list; nothing more is asked about it.</source>
            <translation>Quitar esta ejecución de la lista; no se volverá a preguntar por ella.</translation>
        </message>
        <message>
            <source>Overall progress</source>
            <translation>Progreso general</translation>
        </message>
        <message>
            <source>Error</source>
            <translation>Error</translation>
        </message>
        <message>
            <source>Waiting</source>
            <translation>En espera</translation>
        </message>
        <message>
            <source>Details of the run</source>
            <extracomment>Asked again on every tick of the clock: what holds a waiting run back changes without the run changing (sending paused, its batch paused, the key's budget spent).</extracomment>
            <translation>Detalles de la ejecución</translation>
        </message>
        <message>
            <source>Inputs</source>
            <translation>Entradas</translation>
        </message>
        <message>
            <source>Logs</source>
            <translation>Registros</translation>
        </message>
        <message>
            <source>Progress</source>
            <translation>Progreso</translation>
        </message>
        <message>
            <source>Outputs</source>
            <translation>Resultados</translation>
        </message>
        <message>
            <source>not sent yet</source>
            <translation>aún sin enviar</translation>
        </message>
        <message>
            <source>Running</source>
            <translation>En ejecución</translation>
        </message>
        <message>
            <source>&lt;a href="{escape}"&gt;{escape2}&lt;/a&gt;</source>
            <translation>&lt;a href="{escape}"&gt;{escape2}&lt;/a&gt;</translation>
        </message>
        <message>
            <source>{credits} used</source>
            <translation>{credits} usados</translation>
        </message>
        <message>
            <source>{credits} refunded</source>
            <translation>{credits} reembolsados</translation>
        </message>
        <message>
            <source>total time {duration}</source>
            <translation>tiempo total {duration}</translation>
        </message>
        <message>
            <source>took {duration}</source>
            <translation>tardó {duration}</translation>
        </message>
        <message>
            <source>running for {duration}</source>
            <translation>en ejecución desde hace {duration}</translation>
        </message>
        <message>
            <source>retry of an earlier run</source>
            <translation>reintento de una ejecución anterior</translation>
        </message>
        <message>
            <source>  (until {completed})</source>
            <translation>  (hasta {completed})</translation>
        </message>
        <message>
            <source>No logs yet. They are fetched once the run ends.</source>
            <translation>Aún no hay registros. Se obtienen cuando termina la ejecución.</translation>
        </message>
    </context>
    <context>
        <name>RunFilter</name>
        <message>
            <source>Starred, </source>
            <extracomment>Roles whose workflow cell carries the run's mark: shown as a sign, said as a word.</extracomment>
            <translation>Destacada, </translation>
        </message>
        <message>
            <source>Rejected, </source>
            <translation>Descartada, </translation>
        </message>
    </context>
    <context>
        <name>RunModel</name>
        <message>
            <source>{used} charged, {plural_credits} refunded</source>
            <extracomment>The input names a prompt goes by, in the order they are looked for.</extracomment>
            <translation>{used} cobrados, {plural_credits} reembolsados</translation>
        </message>
        <message>
            <source>{used} charged</source>
            <translation>{used} cobrados</translation>
        </message>
        <message>
            <source>{used} (refunded {credits})</source>
            <translation>{used} (reembolsados {credits})</translation>
        </message>
    </context>
    <context>
        <name>RunState</name>
        <message>
            <source>Draft</source>
            <extracomment>The one word for each state, everywhere the user sees a state (the architecture guide's table). Longer phrases built from these (position, node, reason) are in core/words.py.</extracomment>
            <translation>Borrador</translation>
        </message>
        <message>
            <source>Waiting to send</source>
            <translation>Esperando envío</translation>
        </message>
        <message>
            <source>Sending</source>
            <translation>Enviando</translation>
        </message>
        <message>
            <source>Sent, no answer</source>
            <translation>Enviada, sin respuesta</translation>
        </message>
        <message>
            <source>Refused</source>
            <translation>Rechazada</translation>
        </message>
        <message>
            <source>In queue</source>
            <translation>En cola</translation>
        </message>
        <message>
            <source>Running</source>
            <translation>En ejecución</translation>
        </message>
        <message>
            <source>Cancelling</source>
            <translation>Cancelando</translation>
        </message>
        <message>
            <source>Done</source>
            <translation>Terminada</translation>
        </message>
        <message>
            <source>Failed</source>
            <translation>Fallida</translation>
        </message>
        <message>
            <source>Cancelled</source>
            <translation>Cancelada</translation>
        </message>
    </context>
    <context>
        <name>SchemaForm</name>
        <message>
            <source>Inputs as a form or as JSON</source>
            <translation>Entradas como formulario o como JSON</translation>
        </message>
        <message>
            <source>Form</source>
            <translation>Formulario</translation>
        </message>
        <message>
            <source>JSON</source>
            <translation>JSON</translation>
        </message>
        <message numerus="yes">
            <source>Kept %n input(s) this form has no field for: {names}. They are sent as they are.</source>
            <translation>
                <numerusform>Se conserva %n entrada para la que este formulario no tiene campo: {names}. Se envía tal cual.</numerusform>
                <numerusform>Se conservan %n entradas para las que este formulario no tiene campo: {names}. Se envían tal cual.</numerusform>
            </translation>
        </message>
        <message>
            <source>{title}: the value {shown} cannot be shown in the form; it is kept.</source>
            <translation>{title}: el valor {shown} no se puede mostrar en el formulario; se conserva.</translation>
        </message>
    </context>
    <context>
        <name>SearchPresenter</name>
        <message>
            <source>Starred {runs}.</source>
            <translation>Destacadas: {runs}.</translation>
        </message>
        <message>
            <source>Rejected {runs}: they stay until you delete them.</source>
            <translation>Descartadas: {runs}. Se quedan hasta que las elimines.</translation>
        </message>
        <message>
            <source>Star taken off {runs}.</source>
            <translation>Se quitó la estrella a {runs}.</translation>
        </message>
        <message>
            <source>Reject taken off {runs}.</source>
            <translation>Se deshizo el descarte de {runs}.</translation>
        </message>
        <message>
            <source>Star taken off {outputs}.</source>
            <translation>Se quitó la estrella a {outputs}.</translation>
        </message>
        <message>
            <source>Reject taken off {outputs}.</source>
            <translation>Se deshizo el descarte de {outputs}.</translation>
        </message>
        <message>
            <source>Starred {outputs}.</source>
            <translation>Destacados: {outputs}.</translation>
        </message>
        <message>
            <source>Rejected {outputs}: dimmed, kept until you delete their runs.</source>
            <translation>Descartados: {outputs}. Atenuados, se conservan hasta que elimines sus ejecuciones.</translation>
        </message>
    </context>
    <context>
        <name>SeedField</name>
        <message>
            <source>Random each run</source>
            <translation>Aleatoria en cada ejecución</translation>
        </message>
        <message>
            <source>New</source>
            <translation>Nueva</translation>
        </message>
        <message>
            <source>Pick a new seed now</source>
            <translation>Elegir ahora una semilla nueva</translation>
        </message>
    </context>
    <context>
        <name>Services</name>
        <message>
            <source>Fizzly Desktop</source>
            <translation>Fizzly Desktop</translation>
        </message>
        <message>
            <source>Copied {text}</source>
            <translation>Copiado {text}</translation>
        </message>
    </context>
    <context>
        <name>StateFilterList</name>
        <message>
            <source>Run filters</source>
            <translation>Filtros de ejecuciones</translation>
        </message>
    </context>
    <context>
        <name>StateGroup</name>
        <message>
            <source>All runs</source>
            <extracomment>When the server said ``queue_position`` (not kept in history: after a restart, a position of unknown age is shown as unknown). Whether the server still answers about this run (see :class:`Contact`). When contact was lost: the run's elapsed time stops there, as nothing is known since. Waiting in a paused batch: it will not be sent until the batch is resumed (not stored: the engine sets it from the batch's state whenever that changes or is loaded).</extracomment>
            <translation>Todas las ejecuciones</translation>
        </message>
        <message>
            <source>Not sent yet</source>
            <translation>Aún sin enviar</translation>
        </message>
        <message>
            <source>On the server</source>
            <translation>En el servidor</translation>
        </message>
        <message>
            <source>Done</source>
            <translation>Terminadas</translation>
        </message>
        <message>
            <source>Failed</source>
            <translation>Fallidas</translation>
        </message>
        <message>
            <source>Cancelled</source>
            <translation>Canceladas</translation>
        </message>
        <message>
            <source>Needs attention</source>
            <translation>Requiere atención</translation>
        </message>
    </context>
    <context>
        <name>StatusPresenter</name>
        <message>
            <source>Batch “{name}” finished</source>
            <extracomment>How often, while runs are active, the garbage collector walks the objects made since. Counts come from the engine's tally; the title and sidebar need them four times a second.</extracomment>
            <translation>Lote «{name}» terminado</translation>
        </message>
        <message>
            <source>Fizzly Desktop</source>
            <translation>Fizzly Desktop</translation>
        </message>
    </context>
    <context>
        <name>SweepGrid</name>
        <message>
            <source>Progress of the batch</source>
            <translation>Progreso del lote</translation>
        </message>
        <message>
            <source>Runs by swept value</source>
            <translation>Ejecuciones por valor variado</translation>
        </message>
        <message>
            <source>&amp;Open</source>
            <extracomment>Actions others add to the menu, last (grid_play.py: Play This Row Together…).</extracomment>
            <translation>&amp;Abrir</translation>
        </message>
        <message>
            <source>&amp;Cancel</source>
            <translation>&amp;Cancelar</translation>
        </message>
        <message>
            <source>&amp;Retry</source>
            <translation>&amp;Reintentar</translation>
        </message>
        <message>
            <source>&amp;Use These Inputs</source>
            <translation>&amp;Usar estas entradas</translation>
        </message>
        <message>
            <source>Copy Request &amp;ID</source>
            <translation>Copiar el &amp;ID de solicitud</translation>
        </message>
        <message>
            <source>&amp;Save as…</source>
            <translation>&amp;Guardar como…</translation>
        </message>
        <message>
            <source>Copy &amp;image</source>
            <translation>Copiar &amp;imagen</translation>
        </message>
        <message>
            <source>&amp;Export…</source>
            <translation>&amp;Exportar…</translation>
        </message>
        <message>
            <source>&amp;Star</source>
            <translation>&amp;Destacar</translation>
        </message>
        <message>
            <source>Re&amp;ject</source>
            <translation>Des&amp;cartar</translation>
        </message>
        <message>
            <source>C&amp;ompare…</source>
            <translation>C&amp;omparar…</translation>
        </message>
        <message>
            <source>&amp;Delete with Files…</source>
            <translation>Eliminar con a&amp;rchivos…</translation>
        </message>
        <message>
            <source>&amp;Export {exportable} images…</source>
            <translation>&amp;Exportar {exportable} imágenes…</translation>
        </message>
        <message>
            <source>No runs</source>
            <translation>Sin ejecuciones</translation>
        </message>
    </context>
    <context>
        <name>SweepGridModel</name>
        <message>
            <source> (seed {seed})</source>
            <translation> (semilla {seed})</translation>
        </message>
    </context>
    <context>
        <name>SweepTab</name>
        <message>
            <source>Columns</source>
            <translation>Columnas</translation>
        </message>
        <message>
            <source>In&amp;put:</source>
            <translation>En&amp;trada:</translation>
        </message>
        <message>
            <source>&amp;Values:</source>
            <translation>&amp;Valores:</translation>
        </message>
        <message>
            <source>Rows (optional)</source>
            <translation>Filas (opcional)</translation>
        </message>
        <message>
            <source>Inpu&amp;t:</source>
            <translation>Entra&amp;da:</translation>
        </message>
        <message>
            <source>V&amp;alues:</source>
            <translation>V&amp;alores:</translation>
        </message>
        <message>
            <source>Runs in the sweep</source>
            <translation>Ejecuciones de la variación</translation>
        </message>
        <message>
            <source>The grid the sweep makes, in the order runs are sent</source>
            <translation>La cuadrícula que crea la variación, en el orden en que se envían las ejecuciones</translation>
        </message>
        <message>
            <source>Try every combination of the values of one or two inputs; the results are shown as a grid. Type values separated by commas (1, 2, 5), a range with a step (1..10 step 2) or a range with a count (0.5..1.5 x5); text values go one per line.</source>
            <translation>Prueba todas las combinaciones de los valores de una o dos entradas; los resultados se muestran como una cuadrícula. Escribe valores separados por comas (1, 2, 5), un rango con paso (1..10 step 2) o un rango con cantidad (0.5..1.5 x5); los valores de texto van uno por línea.</translation>
        </message>
        <message>
            <source>This workflow has no input that can be swept.</source>
            <translation>Este flujo de trabajo no tiene ninguna entrada que se pueda variar.</translation>
        </message>
        <message>
            <source>Columns and rows both sweep {field}; choose a different input for rows.</source>
            <translation>Las columnas y las filas varían ambas {field}; elige otra entrada para las filas.</translation>
        </message>
        <message>
            <source>Choose an input to sweep.</source>
            <translation>Elige una entrada que variar.</translation>
        </message>
        <message>
            <source>Enter the values for rows.</source>
            <translation>Introduce los valores de las filas.</translation>
        </message>
        <message numerus="yes">
            <source>%n run(s)</source>
            <translation>
                <numerusform>%n ejecución</numerusform>
                <numerusform>%n ejecuciones</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>{columns} × {rows} = %n run(s)</source>
            <translation>
                <numerusform>{columns} × {rows} = %n ejecución</numerusform>
                <numerusform>{columns} × {rows} = %n ejecuciones</numerusform>
            </translation>
        </message>
        <message>
            <source>Every cell uses {join}, so cells differ only by the swept values.</source>
            <translation>Todas las celdas usan {join}, así que solo se diferencian por los valores variados.</translation>
        </message>
        <message>
            <source>Sweep </source>
            <translation>Variación </translation>
        </message>
    </context>
    <context>
        <name>TextOutputBlock</name>
        <message>
            <source>Copy</source>
            <translation>Copiar</translation>
        </message>
        <message>
            <source>Copy this text to the clipboard</source>
            <translation>Copiar este texto al portapapeles</translation>
        </message>
        <message>
            <source>Output {name}</source>
            <translation>Resultado {name}</translation>
        </message>
        <message>
            <source>JSON</source>
            <translation>JSON</translation>
        </message>
        <message>
            <source>Text</source>
            <translation>Texto</translation>
        </message>
        <message>
            <source>Copy {name}</source>
            <translation>Copiar {name}</translation>
        </message>
        <message>
            <source>{name} text</source>
            <translation>Texto de {name}</translation>
        </message>
    </context>
    <context>
        <name>ThumbnailLoader</name>
        <message>
            <source>The image could not be opened.</source>
            <extracomment>When each cached thumbnail was last asked for.</extracomment>
            <translation>No se pudo abrir la imagen.</translation>
        </message>
    </context>
    <context>
        <name>Thumbnails</name>
        <message>
            <source>This file is not a picture the app can read (PNG, JPEG or WebP).</source>
            <extracomment>Decodes needing more memory than this are refused: a small file can claim a huge picture. Formats an output can come in; all three are read by Qt's bundled image plugins.</extracomment>
            <translation>Este archivo no es una imagen que la aplicación pueda leer (PNG, JPEG o WebP).</translation>
        </message>
        <message>
            <source>The file is missing: it may have been moved or deleted.</source>
            <translation>Falta el archivo: puede que se haya movido o eliminado.</translation>
        </message>
        <message>
            <source>The file could not be read; check that it is still there and readable.</source>
            <translation>No se pudo leer el archivo; comprueba que sigue ahí y que se puede leer.</translation>
        </message>
        <message>
            <source>The image is too large to open safely ({width} × {height} pixels).</source>
            <translation>La imagen es demasiado grande para abrirla con seguridad ({width} × {height} píxeles).</translation>
        </message>
        <message>
            <source>The image file is damaged or incomplete.</source>
            <translation>El archivo de imagen está dañado o incompleto.</translation>
        </message>
        <message>
            <source>The image could not be opened.</source>
            <translation>No se pudo abrir la imagen.</translation>
        </message>
    </context>
    <context>
        <name>UndoBar</name>
        <message>
            <source>Undo</source>
            <translation>Deshacer</translation>
        </message>
        <message>
            <source>Undo delete</source>
            <translation>Deshacer eliminación</translation>
        </message>
    </context>
    <context>
        <name>Unions</name>
        <message>
            <source>Custom…</source>
            <translation>Personalizado…</translation>
        </message>
        <message>
            <source>Text</source>
            <translation>Texto</translation>
        </message>
        <message>
            <source>A number</source>
            <translation>Un número</translation>
        </message>
        <message>
            <source>Yes or no</source>
            <translation>Sí o no</translation>
        </message>
        <message>
            <source>Several texts</source>
            <translation>Varios textos</translation>
        </message>
        <message>
            <source>Several numbers</source>
            <translation>Varios números</translation>
        </message>
        <message>
            <source>Several entries</source>
            <translation>Varias entradas</translation>
        </message>
        <message>
            <source>Several files</source>
            <translation>Varios archivos</translation>
        </message>
        <message>
            <source>One file</source>
            <translation>Un archivo</translation>
        </message>
        <message>
            <source>Several parts</source>
            <translation>Varias partes</translation>
        </message>
    </context>
    <context>
        <name>WelcomeView</name>
        <message>
            <source>Welcome</source>
            <translation>Bienvenida</translation>
        </message>
        <message>
            <source>{app} logo</source>
            <translation>Logotipo de {app}</translation>
        </message>
        <message>
            <source>Welcome to {APP_NAME}</source>
            <translation>Te damos la bienvenida a {APP_NAME}</translation>
        </message>
        <message>
            <source>Launch your Fizzly workflows, watch every run live, and keep the images they make.</source>
            <translation>Lanza tus flujos de trabajo de Fizzly, sigue cada ejecución en directo y conserva las imágenes que generan.</translation>
        </message>
        <message>
            <source>Connect your Fizzly account</source>
            <translation>Conecta tu cuenta de Fizzly</translation>
        </message>
        <message>
            <source>Paste an API key from your account settings. It is kept in your system's keyring, never in a file.</source>
            <translation>Pega una clave de API de los ajustes de tu cuenta. Se guarda en el llavero de tu sistema, nunca en un archivo.</translation>
        </message>
        <message>
            <source>Where do I find my key?</source>
            <translation>¿Dónde encuentro mi clave?</translation>
        </message>
        <message>
            <source>Open your account settings to create an API key</source>
            <translation>Abrir los ajustes de tu cuenta para crear una clave de API</translation>
        </message>
        <message>
            <source>Connect</source>
            <translation>Conectar</translation>
        </message>
        <message>
            <source>Working</source>
            <translation>Trabajando</translation>
        </message>
        <message>
            <source>Connection status</source>
            <translation>Estado de la conexión</translation>
        </message>
        <message>
            <source>Keep for this session only</source>
            <translation>Conservar solo durante esta sesión</translation>
        </message>
        <message>
            <source>Keep the key in memory until the app quits, without saving it</source>
            <translation>Mantener la clave en memoria hasta que se cierre la aplicación, sin guardarla</translation>
        </message>
        <message>
            <source>Try the local sandbox</source>
            <translation>Probar el sandbox local</translation>
        </message>
        <message>
            <source>Run demo workflows on this computer: no account, no internet and no credits needed. You can connect your account any time later.</source>
            <translation>Ejecuta flujos de trabajo de demostración en este ordenador: sin cuenta, sin internet y sin créditos. Puedes conectar tu cuenta cuando quieras.</translation>
        </message>
        <message>
            <source>Try the sandbox</source>
            <translation>Probar el sandbox</translation>
        </message>
        <message>
            <source>Problem</source>
            <translation>Problema</translation>
        </message>
        <message>
            <source>No web browser could be opened. Visit {API_KEYS_URL} to create a key.</source>
            <translation>No se pudo abrir ningún navegador web. Visita {API_KEYS_URL} para crear una clave.</translation>
        </message>
        <message>
            <source>Paste your API key first.</source>
            <translation>Pega primero tu clave de API.</translation>
        </message>
        <message>
            <source>Checking your key…</source>
            <translation>Comprobando tu clave…</translation>
        </message>
    </context>
    <context>
        <name>Words</name>
        <message>
            <source>position unknown</source>
            <extracomment>A run the app can no longer reach the server of (shown in "Needs attention"); English here, translated where shown (``Contact.LOST.label``). A run the server answers 404 for: it no longer knows it (shown in "Needs attention"). What a queued run says where its place is not known, or was heard too long ago.</extracomment>
            <translation>posición desconocida</translation>
        </message>
        <message numerus="yes">
            <source>%n run(s)</source>
            <extracomment>A queue position heard longer ago than this may have moved on: it is shown as stale. Plurals that do not just add an "s". The counted words the window uses, as phrases a translation gives every plural form of.</extracomment>
            <translation>
                <numerusform>%n ejecución</numerusform>
                <numerusform>%n ejecuciones</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n batch(es)</source>
            <translation>
                <numerusform>%n lote</numerusform>
                <numerusform>%n lotes</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n file(s)</source>
            <translation>
                <numerusform>%n archivo</numerusform>
                <numerusform>%n archivos</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n output(s)</source>
            <translation>
                <numerusform>%n resultado</numerusform>
                <numerusform>%n resultados</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n item(s)</source>
            <translation>
                <numerusform>%n elemento</numerusform>
                <numerusform>%n elementos</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n character(s)</source>
            <translation>
                <numerusform>%n carácter</numerusform>
                <numerusform>%n caracteres</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n saved file(s)</source>
            <translation>
                <numerusform>%n archivo guardado</numerusform>
                <numerusform>%n archivos guardados</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n starred run(s)</source>
            <translation>
                <numerusform>%n ejecución destacada</numerusform>
                <numerusform>%n ejecuciones destacadas</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n credit(s)</source>
            <translation>
                <numerusform>%n crédito</numerusform>
                <numerusform>%n créditos</numerusform>
            </translation>
        </message>
        <message>
            <source>position {position}</source>
            <translation>posición {position}</translation>
        </message>
        <message>
            <source>The server has not said this run's place in its queue yet.</source>
            <translation>El servidor aún no ha indicado el puesto de esta ejecución en su cola.</translation>
        </message>
        <message>
            <source>some time ago</source>
            <translation>hace un rato</translation>
        </message>
        <message>
            <source>{duration} ago</source>
            <translation>hace {duration}</translation>
        </message>
        <message>
            <source>The server said position {queue_position} {heard}. Positions are asked again while the run is on screen.</source>
            <translation>El servidor indicó la posición {queue_position} {heard}. Las posiciones se vuelven a consultar mientras la ejecución está en pantalla.</translation>
        </message>
        <message>
            <source>{percent} %</source>
            <translation>{percent} %</translation>
        </message>
        <message>
            <source>Cancelled (refunded {plural_credits})</source>
            <translation>Cancelada (reembolsados {plural_credits})</translation>
        </message>
        <message>
            <source>Cancelled (nothing charged)</source>
            <translation>Cancelada (sin cargo)</translation>
        </message>
        <message>
            <source>Cancelled</source>
            <translation>Cancelada</translation>
        </message>
        <message>
            <source>no reason given</source>
            <translation>sin motivo indicado</translation>
        </message>
        <message>
            <source>{word} (check or run again)</source>
            <translation>{word} (compruébala o ejecútala de nuevo)</translation>
        </message>
        <message>
            <source>Next in the server's queue.</source>
            <extracomment>The name of the run's batch when it is paused, with the pause's reason. Sending is paused for every run (File &gt; Pause sending). As many runs as allowed at once are already on the server. The key's request budget is spent: requests wait for it to refill.</extracomment>
            <translation>La siguiente en la cola del servidor.</translation>
        </message>
        <message>
            <source>In the server's queue behind {plural}.</source>
            <translation>En la cola del servidor, detrás de {plural}.</translation>
        </message>
        <message>
            <source>In the server's queue (its place there is not known just now).</source>
            <translation>En la cola del servidor (ahora mismo no se sabe su puesto).</translation>
        </message>
        <message>
            <source>Being sent; waiting for the key's request limit to allow it.</source>
            <translation>Enviándose; esperando a que el límite de peticiones de la clave lo permita.</translation>
        </message>
        <message>
            <source>Being sent to the server.</source>
            <translation>Enviándose al servidor.</translation>
        </message>
        <message>
            <source>Its batch “{paused_batch}” is paused.{reason}</source>
            <translation>Su lote «{paused_batch}» está en pausa.{reason}</translation>
        </message>
        <message>
            <source>Sending is paused: resume sending to let it go.</source>
            <translation>El envío está en pausa: reanuda el envío para que salga.</translation>
        </message>
        <message>
            <source>Waiting for the key's request limit to allow another send.</source>
            <translation>Esperando a que el límite de peticiones de la clave permita otro envío.</translation>
        </message>
        <message>
            <source>Waiting for a free slot: as many runs as allowed are already on the server.</source>
            <translation>Esperando un hueco libre: ya hay en el servidor tantas ejecuciones como se permiten.</translation>
        </message>
        <message>
            <source>Next to be sent.</source>
            <translation>La siguiente en enviarse.</translation>
        </message>
        <message>
            <source>Waiting {duration}</source>
            <translation>Esperando desde hace {duration}</translation>
        </message>
        <message>
            <source>{done} of {runs} done</source>
            <translation>{done} de {runs} terminadas</translation>
        </message>
        <message numerus="yes">
            <source>%n failed</source>
            <translation>
                <numerusform>%n fallida</numerusform>
                <numerusform>%n fallidas</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n cancelled</source>
            <translation>
                <numerusform>%n cancelada</numerusform>
                <numerusform>%n canceladas</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n [needs|need] attention</source>
            <translation>
                <numerusform>%n requiere atención</numerusform>
                <numerusform>%n requieren atención</numerusform>
            </translation>
        </message>
        <message>
            <source>, </source>
            <translation>, </translation>
        </message>
    </context>
    <context>
        <name>WorkflowLibraryPanel</name>
        <message>
            <source>No workflows yet. Add one with its name on Fizzly (like studio/portrait-xl), or from a file of its inputs.</source>
            <translation>Aún no hay flujos de trabajo. Añade uno con su nombre en Fizzly (como studio/portrait-xl) o desde un archivo de sus entradas.</translation>
        </message>
        <message>
            <source>Workflows</source>
            <translation>Flujos de trabajo</translation>
        </message>
        <message>
            <source>Add…</source>
            <translation>Añadir…</translation>
        </message>
        <message>
            <source>Add a workflow by name or address</source>
            <translation>Añadir un flujo de trabajo por nombre o dirección</translation>
        </message>
        <message>
            <source>Edit inputs…</source>
            <translation>Editar entradas…</translation>
        </message>
        <message>
            <source>More</source>
            <translation>Más</translation>
        </message>
        <message>
            <source>No workflows yet</source>
            <translation>Aún no hay flujos de trabajo</translation>
        </message>
        <message>
            <source>Add Workflow…</source>
            <translation>Añadir flujo de trabajo…</translation>
        </message>
        <message>
            <source>{owner}/{slug} is not in your library.</source>
            <translation>{owner}/{slug} no está en tu biblioteca.</translation>
        </message>
        <message>
            <source>No workflow library is open.</source>
            <translation>No hay ninguna biblioteca de flujos de trabajo abierta.</translation>
        </message>
        <message>
            <source>The app is closing; nothing was changed.</source>
            <translation>La aplicación se está cerrando; no se ha cambiado nada.</translation>
        </message>
    </context>
    <context>
        <name>_DecodeQueue</name>
        <message>
            <source>The image could not be opened.</source>
            <extracomment>How much lower than the GUI thread decoders run (Linux nice steps): on a busy machine the GUI thread gets the core first, and thumbnails arrive a little later instead.</extracomment>
            <translation>No se pudo abrir la imagen.</translation>
        </message>
    </context>
    <context>
        <name>_FilterTallies</name>
        <message>
            <source>Unnamed batch</source>
            <translation>Lote sin nombre</translation>
        </message>
    </context>
    <context>
        <name>_ImageCanvas</name>
        <message>
            <source>Image</source>
            <translation>Imagen</translation>
        </message>
    </context>
    <context>
        <name>_Job</name>
        <message>
            <source>The file could not be read: {exc}.</source>
            <translation>No se pudo leer el archivo: {exc}.</translation>
        </message>
    </context>
</TS>

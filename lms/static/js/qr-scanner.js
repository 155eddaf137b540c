/* Scans QR codes with the device's camera: templates/components/qr_scanner.html.
 *
 * Decodes with the browser's own BarcodeDetector where it reads QR codes (Chrome on Android,
 * ChromeOS, macOS); elsewhere loads the vendored barcode-detector (zxing-cpp in WebAssembly,
 * under lms/static/vendor/) only then, with its .wasm from this site: nothing from a CDN.
 *
 * Every [data-qr-scanner] element on the page is attached when the page has loaded. A page's
 * own script may then use:
 *   var scanner = QrScanner.attach(element);   // the same object for the same element
 *   scanner.onCode(function (text) { ... });    // each code read, once per few seconds
 *   scanner.start();                            // Promise; the button does the same
 *   scanner.stop();
 *   scanner.running                             // true while the camera is on
 *   scanner.detector                            // "native", "library" or null (not yet)
 * or listen for the "qr-scanner:code" event (detail.text) on the element. Unless a listener
 * calls preventDefault(), the component's form (if any) gets the code and is sent.
 */
(function () {
  "use strict";

  // A code held in front of the camera is read many times a second: report it once, and
  // again only after this long (a trainee who scans their card twice on purpose).
  var REPEAT_MS = 4000;
  // Time between two reads of the picture: quick enough to feel instant, light on a tablet.
  var INTERVAL_MS = 150;

  var libraries = {}; // script URL → Promise of the library's namespace

  function loadLibrary(url) {
    if (!libraries[url]) {
      libraries[url] = new Promise(function (resolve, reject) {
        var script = document.createElement("script");
        script.src = url;
        script.async = true;
        script.onload = function () {
          if (window.BarcodeDetectionAPI) {
            resolve(window.BarcodeDetectionAPI);
          } else {
            reject(new Error("barcode-detector did not register"));
          }
        };
        script.onerror = function () {
          delete libraries[url];
          reject(new Error("could not load " + url));
        };
        document.head.appendChild(script);
      });
    }
    return libraries[url];
  }

  function nativeReadsQr() {
    if (typeof window.BarcodeDetector !== "function") {
      return Promise.resolve(false);
    }
    return window.BarcodeDetector.getSupportedFormats().then(
      function (formats) {
        return formats.indexOf("qr_code") !== -1;
      },
      function () {
        return false;
      }
    );
  }

  function Scanner(root) {
    this.root = root;
    this.video = root.querySelector("[data-qr-scanner-video]");
    this.status = root.querySelector("[data-qr-scanner-status]");
    this.button = root.querySelector("[data-qr-scanner-toggle]");
    this.form = root.querySelector("[data-qr-scanner-form]");
    this.running = false;
    this.detector = null;
    this._detector = null; // Promise of a BarcodeDetector (native or the library's)
    this._callbacks = [];
    this._stream = null;
    this._timer = null;
    this._last = { text: null, at: 0 };
    this._starting = null;
  }

  Scanner.prototype.say = function (key) {
    this.status.textContent = this.root.getAttribute("data-msg-" + key) || "";
  };

  Scanner.prototype.onCode = function (callback) {
    this._callbacks.push(callback);
    return this;
  };

  Scanner.prototype.getDetector = function () {
    var root = this.root;
    var self = this;
    if (!this._detector) {
      var allowNative = root.getAttribute("data-qr-scanner-native") !== "off";
      this._detector = (allowNative ? nativeReadsQr() : Promise.resolve(false)).then(
        function (native) {
          if (native) {
            self.detector = "native";
            return new window.BarcodeDetector({ formats: ["qr_code"] });
          }
          var wasm = root.getAttribute("data-qr-scanner-wasm");
          return loadLibrary(root.getAttribute("data-qr-scanner-library")).then(function (api) {
            api.prepareZXingModule({
              overrides: {
                locateFile: function (path, prefix) {
                  return path.slice(-5) === ".wasm" ? wasm : prefix + path;
                },
              },
            });
            self.detector = "library";
            return new api.BarcodeDetector({ formats: ["qr_code"] });
          });
        }
      );
      this._detector.catch(function () {
        self._detector = null; // let a later start try again
      });
    }
    return this._detector;
  };

  Scanner.prototype.start = function () {
    var self = this;
    if (this.running || this._starting) {
      return this._starting || Promise.resolve();
    }
    this.say("starting");
    this._starting = navigator.mediaDevices
      .getUserMedia({ audio: false, video: { facingMode: { ideal: "environment" } } })
      .then(
        function (stream) {
          self._stream = stream;
          self.video.srcObject = stream;
          self.video.hidden = false;
          return Promise.all([self.video.play(), self.getDetector()]).then(
            function (results) {
              self.running = true;
              self.root.setAttribute("data-qr-scanner-detector", self.detector);
              self.showButton("stop");
              self.say("scanning");
              self.scan(results[1]);
            },
            function (error) {
              self.release();
              self.say("failed");
              throw error;
            }
          );
        },
        function (error) {
          var name = error && error.name;
          self.say(name === "NotAllowedError" || name === "SecurityError" ? "denied" : "no-camera");
          throw error;
        }
      )
      .finally(function () {
        self._starting = null;
      });
    return this._starting;
  };

  Scanner.prototype.scan = function (detector) {
    var self = this;
    if (!this.running) {
      return;
    }
    var read =
      this.video.readyState >= 2 ? detector.detect(this.video) : Promise.resolve([]);
    read
      .then(
        function (codes) {
          codes.forEach(function (code) {
            self.report(code.rawValue);
          });
        },
        function () {} // a frame that cannot be read (while the camera adjusts): try the next
      )
      .then(function () {
        if (self.running) {
          self._timer = window.setTimeout(function () {
            self.scan(detector);
          }, INTERVAL_MS);
        }
      });
  };

  Scanner.prototype.report = function (text) {
    var now = Date.now();
    if (!text || (text === this._last.text && now - this._last.at < REPEAT_MS)) {
      return;
    }
    this._last = { text: text, at: now };
    this.say("read");
    this._callbacks.forEach(function (callback) {
      callback(text);
    });
    var event = new CustomEvent("qr-scanner:code", {
      detail: { text: text },
      bubbles: true,
      cancelable: true,
    });
    if (this.root.dispatchEvent(event) && this.form) {
      this.form.querySelector("[data-qr-scanner-input]").value = text;
      this.stop();
      this.form.requestSubmit();
    }
  };

  Scanner.prototype.release = function () {
    window.clearTimeout(this._timer);
    this.running = false;
    if (this._stream) {
      this._stream.getTracks().forEach(function (track) {
        track.stop();
      });
      this._stream = null;
    }
    this.video.srcObject = null;
    this.video.hidden = true;
  };

  Scanner.prototype.stop = function () {
    if (!this.running) {
      return;
    }
    this.release();
    this.showButton("start");
    this.say("stopped");
  };

  Scanner.prototype.showButton = function (action) {
    this.button.textContent = this.root.getAttribute("data-label-" + action);
    this.button.hidden = false;
  };

  var scanners = [];

  function attach(root) {
    for (var i = 0; i < scanners.length; i++) {
      if (scanners[i].root === root) {
        return scanners[i];
      }
    }
    var scanner = new Scanner(root);
    scanners.push(scanner);
    // No camera API at all (an old browser, or a page not served over HTTPS): say so and
    // leave the typed code as the way in.
    if (!navigator.mediaDevices || typeof navigator.mediaDevices.getUserMedia !== "function") {
      scanner.say("unsupported");
      return scanner;
    }
    scanner.showButton("start");
    scanner.button.addEventListener("click", function () {
      if (scanner.running) {
        scanner.stop();
      } else {
        scanner.start().catch(function () {}); // the status line already says what failed
      }
    });
    return scanner;
  }

  // The camera is let go when the page is left, whatever the page does.
  window.addEventListener("pagehide", function () {
    scanners.forEach(function (scanner) {
      scanner.stop();
    });
  });

  window.QrScanner = { attach: attach };

  function attachAll() {
    document.querySelectorAll("[data-qr-scanner]").forEach(attach);
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", attachAll);
  } else {
    attachAll();
  }
})();

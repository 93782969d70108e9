// Small browser helpers for the CloudAssist console.
window.cloudAssist = {
    // Keeps an output panel scrolled to its end while the reader has not scrolled away from it.
    followOutput: function (element) {
        if (!element) {
            return;
        }
        if (!element.dataset.followWatched) {
            element.dataset.followWatched = "1";
            element.dataset.follow = "1";
            element.addEventListener("scroll", function () {
                var atEnd = element.scrollTop + element.clientHeight >= element.scrollHeight - 24;
                element.dataset.follow = atEnd ? "1" : "0";
            });
        }
        if (element.dataset.follow === "1") {
            element.scrollTop = element.scrollHeight;
        }
    },
    copyText: async function (text) {
        if (navigator.clipboard && window.isSecureContext) {
            await navigator.clipboard.writeText(text);
            return;
        }
        var area = document.createElement("textarea");
        area.value = text;
        document.body.appendChild(area);
        area.select();
        document.execCommand("copy");
        area.remove();
    },
    timeZone: function () {
        try {
            return Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";
        } catch (e) {
            return "UTC";
        }
    }
};

package shop.platform.consumer;

import shop.platform.event.IncomingEvent;

/** A delivery and the event read from it. */
record Received(Delivery delivery, IncomingEvent event) {}
